package wheel

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"io"
	"strings"
	"testing"
)

func TestVersionFromTag(t *testing.T) {
	good := map[string]string{
		"v1.2.3": "1.2.3", "0.3.0": "0.3.0", "v1.0.0-rc.1": "1.0.0rc1", "v2.0.0rc2": "2.0.0rc2",
		"v1.0.0-beta.3": "1.0.0b3", "0.0.0.dev0": "0.0.0.dev0", "v1.2.3.post1": "1.2.3.post1",
	}
	for tag, want := range good {
		got, err := VersionFromTag(tag)
		if err != nil || got != want {
			t.Errorf("VersionFromTag(%q) = %q, %v; want %q", tag, got, err, want)
		}
	}
	for _, bad := range []string{"", "latest", "v1.2.3+local", "v01.2", "1.2.3-foo", "v1..2"} {
		if v, err := VersionFromTag(bad); err == nil {
			t.Errorf("VersionFromTag(%q) = %q, want an error", bad, v)
		}
	}
}

func build(t *testing.T, target Target) []byte {
	t.Helper()
	w, err := Build([]byte("\x7fELF fake binary"), Metadata{
		Version: "1.2.3", Summary: "s", License: "Apache-2.0", RequiresPython: ">=3.7",
		ProjectURLs: [][2]string{{"Source", "https://example.invalid/src"}},
		Description: "# pyward\n", LicenseText: []byte("licence text"),
	}, target)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// TestWheelLayout reads a built wheel back as an installer would: every
// entry but RECORD is listed in RECORD with its real hash and size, the
// script is executable, and WHEEL lists every platform tag.
func TestWheelLayout(t *testing.T) {
	target, _ := Lookup("windows", "arm64")
	whl := build(t, target)
	zr, err := zip.NewReader(bytes.NewReader(whl), int64(len(whl)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	var order []string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(rc)
		rc.Close()
		files[f.Name] = body
		order = append(order, f.Name)
		if f.Name == "pyward-1.2.3.data/scripts/pyward.exe" && f.Mode().Perm()&0o111 == 0 {
			t.Errorf("script mode %v is not executable", f.Mode())
		}
	}
	if last := order[len(order)-1]; last != "pyward-1.2.3.dist-info/RECORD" {
		t.Errorf("last entry %s, want RECORD", last)
	}
	record := string(files["pyward-1.2.3.dist-info/RECORD"])
	listed := 0
	for _, line := range strings.Split(strings.TrimSpace(record), "\n") {
		parts := strings.Split(line, ",")
		if len(parts) != 3 {
			t.Fatalf("RECORD line %q", line)
		}
		if parts[0] == "pyward-1.2.3.dist-info/RECORD" {
			if parts[1] != "" || parts[2] != "" {
				t.Errorf("RECORD's own line %q", line)
			}
			continue
		}
		body, ok := files[parts[0]]
		if !ok {
			t.Errorf("RECORD lists %s, not in the wheel", parts[0])
			continue
		}
		sum := sha256.Sum256(body)
		if want := "sha256=" + base64.RawURLEncoding.EncodeToString(sum[:]); parts[1] != want || parts[2] != fmt.Sprint(len(body)) {
			t.Errorf("RECORD %q, want %s,%d", line, want, len(body))
		}
		listed++
	}
	if listed != len(files)-1 {
		t.Errorf("RECORD lists %d of %d entries", listed, len(files)-1)
	}
	meta := string(files["pyward-1.2.3.dist-info/METADATA"])
	for _, want := range []string{"Metadata-Version: 2.1\n", "Name: pyward\n", "Version: 1.2.3\n", "Requires-Python: >=3.7\n",
		"Project-URL: Source, https://example.invalid/src\n", "License: Apache-2.0\n", "\n\n# pyward\n"} {
		if !strings.Contains(meta, want) {
			t.Errorf("METADATA lacks %q:\n%s", want, meta)
		}
	}
	if w := string(files["pyward-1.2.3.dist-info/WHEEL"]); !strings.Contains(w, "Root-Is-Purelib: false\n") || !strings.Contains(w, "Tag: py3-none-win_arm64\n") {
		t.Errorf("WHEEL:\n%s", w)
	}
	if string(files["pyward-1.2.3.dist-info/licenses/LICENSE"]) != "licence text" {
		t.Error("licence missing")
	}
}

func TestLinuxTagsCoverGlibcAndMusl(t *testing.T) {
	for _, arch := range []string{"amd64", "arm64"} {
		target, ok := Lookup("linux", arch)
		if !ok {
			t.Fatal(arch)
		}
		tag := target.Tag()
		if !strings.Contains(tag, "manylinux") || !strings.Contains(tag, "musllinux") {
			t.Errorf("%s: %s", arch, tag)
		}
	}
	if len(Targets) != 6 {
		t.Errorf("%d targets", len(Targets))
	}
}

func TestReproducible(t *testing.T) {
	target, _ := Lookup("linux", "amd64")
	if a, b := build(t, target), build(t, target); !bytes.Equal(a, b) {
		t.Error("two builds of the same input differ")
	}
}

func TestBuildRefuses(t *testing.T) {
	target, _ := Lookup("linux", "amd64")
	if _, err := Build([]byte("x"), Metadata{Version: "v1.2.3"}, target); err == nil {
		t.Error("unnormalised version accepted")
	}
	if _, err := Build(nil, Metadata{Version: "1.2.3"}, target); err == nil {
		t.Error("empty binary accepted")
	}
}
