// Package wheel builds Python wheels that carry pyward's native binary, so
// that Python teams can install it with pip, pipx or uv like Ruff or uv
// themselves. A wheel is a zip archive (PEP 427, PEP 491): the binary goes
// in `<name>-<version>.data/scripts/`, which installers copy onto the
// environment's PATH, and the metadata in `<name>-<version>.dist-info/`.
//
// The build is reproducible: entries are written in a fixed order with a
// fixed time stamp and fixed permissions, so the same binary and metadata
// give the same bytes.
package wheel

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"
)

// Name is the distribution's name on PyPI.
const Name = "pyward"

// Target is one release platform and the wheel tags its binary fits.
type Target struct {
	GOOS, GOARCH string
	// Platforms are the platform tags the wheel claims, most specific
	// first. A static Linux binary runs on glibc and musl systems alike,
	// so Linux wheels carry both manylinux and musllinux tags.
	Platforms []string
}

// Targets are the platforms pyward is released for, each with the
// platform tags pip matches against the machine it installs on.
var Targets = []Target{
	{"linux", "amd64", []string{"manylinux_2_17_x86_64", "manylinux2014_x86_64", "musllinux_1_1_x86_64"}},
	{"linux", "arm64", []string{"manylinux_2_17_aarch64", "manylinux2014_aarch64", "musllinux_1_1_aarch64"}},
	// Go 1.26 binaries need macOS 12 (Monterey) or later.
	{"darwin", "amd64", []string{"macosx_12_0_x86_64"}},
	{"darwin", "arm64", []string{"macosx_12_0_arm64"}},
	{"windows", "amd64", []string{"win_amd64"}},
	{"windows", "arm64", []string{"win_arm64"}},
}

// Lookup returns the target for a GOOS/GOARCH pair.
func Lookup(goos, goarch string) (Target, bool) {
	for _, t := range Targets {
		if t.GOOS == goos && t.GOARCH == goarch {
			return t, true
		}
	}
	return Target{}, false
}

// Tag is the wheel's compressed tag set: Python tag, ABI tag and the
// platform tags joined by dots (PEP 425). The binary does not use Python,
// so any Python 3 with any ABI will do.
func (t Target) Tag() string { return "py3-none-" + strings.Join(t.Platforms, ".") }

// Metadata is what METADATA says about the distribution.
type Metadata struct {
	Version        string
	Summary        string
	License        string
	RequiresPython string
	ProjectURLs    [][2]string // label, URL
	Description    string      // markdown
	LicenseText    []byte
}

// pep440 is the public version grammar of PEP 440 in its normalised form
// (no local part: PyPI refuses local versions).
var pep440 = regexp.MustCompile(`^([1-9][0-9]*!)?(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))*((a|b|rc)(0|[1-9][0-9]*))?(\.post(0|[1-9][0-9]*))?(\.dev(0|[1-9][0-9]*))?$`)

// VersionFromTag turns a release tag (`v1.2.3`, `1.2.3rc1`) into the
// wheel's version, refusing what PEP 440 does not accept so that a bad tag
// fails the release instead of publishing an uninstallable wheel.
func VersionFromTag(tag string) (string, error) {
	v := strings.TrimPrefix(strings.TrimSpace(tag), "v")
	// Semantic-version pre-releases as git tags spell them.
	for _, r := range [][2]string{{"-alpha.", "a"}, {"-beta.", "b"}, {"-rc.", "rc"}, {"-rc", "rc"}, {"-dev.", ".dev"}} {
		v = strings.Replace(v, r[0], r[1], 1)
	}
	if !pep440.MatchString(v) {
		return "", fmt.Errorf("release tag %q is not a PEP 440 version (like v1.2.3 or v1.2.3rc1)", tag)
	}
	return v, nil
}

// stamp is the time every entry carries: zip's epoch is 1980, and a fixed
// value keeps builds reproducible (SOURCE_DATE_EPOCH could override it,
// but nothing in a wheel depends on it).
var stamp = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// FileName is the wheel's file name for a target.
func FileName(version string, t Target) string {
	return fmt.Sprintf("%s-%s-%s.whl", Name, version, t.Tag())
}

// Build returns the wheel for one target holding binary.
func Build(binary []byte, m Metadata, t Target) ([]byte, error) {
	if _, err := VersionFromTag(m.Version); err != nil || strings.HasPrefix(m.Version, "v") {
		return nil, fmt.Errorf("version %q is not a normalised PEP 440 version", m.Version)
	}
	if len(binary) == 0 {
		return nil, fmt.Errorf("empty binary for %s/%s", t.GOOS, t.GOARCH)
	}
	exe := Name
	if t.GOOS == "windows" {
		exe += ".exe"
	}
	dist := fmt.Sprintf("%s-%s.dist-info", Name, m.Version)
	data := fmt.Sprintf("%s-%s.data", Name, m.Version)

	type entry struct {
		name string
		body []byte
		mode uint32
	}
	entries := []entry{
		{data + "/scripts/" + exe, binary, 0o755},
		{dist + "/METADATA", []byte(metadata(m)), 0o644},
		{dist + "/WHEEL", []byte(wheelFile(t)), 0o644},
	}
	if len(m.LicenseText) > 0 {
		entries = append(entries, entry{dist + "/licenses/LICENSE", m.LicenseText, 0o644})
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].name < entries[j].name })

	var record strings.Builder
	for _, e := range entries {
		sum := sha256.Sum256(e.body)
		fmt.Fprintf(&record, "%s,sha256=%s,%d\n", e.name, base64.RawURLEncoding.EncodeToString(sum[:]), len(e.body))
	}
	// RECORD lists itself without a hash (PEP 376) and comes last, as
	// installers expect.
	fmt.Fprintf(&record, "%s/RECORD,,\n", dist)
	entries = append(entries, entry{dist + "/RECORD", []byte(record.String()), 0o644})

	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate, Modified: stamp}
		// Unix permissions in the high half of the external attributes:
		// pip keeps the executable bit of scripts from there.
		h.CreatorVersion = 3<<8 | 20
		h.ExternalAttrs = (0o100000 | e.mode) << 16
		w, err := zw.CreateHeader(h)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(e.body); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func wheelFile(t Target) string {
	var b strings.Builder
	b.WriteString("Wheel-Version: 1.0\nGenerator: pyward internal/wheel\nRoot-Is-Purelib: false\n")
	for _, p := range t.Platforms {
		fmt.Fprintf(&b, "Tag: py3-none-%s\n", p)
	}
	return b.String()
}

// metadata writes core metadata 2.1 (PEP 566), which every pip since 2018
// reads; the description is the message body.
func metadata(m Metadata) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Metadata-Version: 2.1\nName: %s\nVersion: %s\n", Name, m.Version)
	if m.Summary != "" {
		fmt.Fprintf(&b, "Summary: %s\n", oneLine(m.Summary))
	}
	if m.License != "" {
		fmt.Fprintf(&b, "License: %s\n", oneLine(m.License))
	}
	for _, u := range m.ProjectURLs {
		fmt.Fprintf(&b, "Project-URL: %s, %s\n", oneLine(u[0]), oneLine(u[1]))
	}
	if m.RequiresPython != "" {
		fmt.Fprintf(&b, "Requires-Python: %s\n", m.RequiresPython)
	}
	b.WriteString("Classifier: Environment :: Console\n")
	b.WriteString("Classifier: Intended Audience :: Developers\n")
	b.WriteString("Classifier: Programming Language :: Python :: 3\n")
	b.WriteString("Classifier: Topic :: Security\n")
	b.WriteString("Classifier: Topic :: Software Development :: Quality Assurance\n")
	if m.Description != "" {
		b.WriteString("Description-Content-Type: text/markdown\n\n")
		b.WriteString(m.Description)
		if !strings.HasSuffix(m.Description, "\n") {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
