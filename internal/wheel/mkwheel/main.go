// Command mkwheel wraps one pyward binary into a wheel; packaging/wheels.sh
// runs it once per release target.
//
//	mkwheel -binary PATH -goos linux -goarch amd64 -version v1.2.3 -readme README.md -license LICENSE -out DIST
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/pyward/pyward/internal/wheel"
)

func main() {
	binary := flag.String("binary", "", "the pyward binary built for the target")
	goos := flag.String("goos", "", "the binary's GOOS")
	goarch := flag.String("goarch", "", "the binary's GOARCH")
	tag := flag.String("version", "", "the release tag (v1.2.3) or version")
	readme := flag.String("readme", "", "markdown for the long description")
	license := flag.String("license", "", "the licence file")
	out := flag.String("out", "", "the folder to write the wheel into")
	flag.Parse()
	path, err := run(*binary, *goos, *goarch, *tag, *readme, *license, *out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "mkwheel:", err)
		os.Exit(2)
	}
	fmt.Println(path)
}

func run(binary, goos, goarch, tag, readme, license, out string) (string, error) {
	if binary == "" || out == "" {
		return "", fmt.Errorf("-binary and -out are required")
	}
	target, ok := wheel.Lookup(goos, goarch)
	if !ok {
		return "", fmt.Errorf("no wheel target for %s/%s", goos, goarch)
	}
	version, err := wheel.VersionFromTag(tag)
	if err != nil {
		return "", err
	}
	bin, err := os.ReadFile(binary)
	if err != nil {
		return "", err
	}
	m := wheel.Metadata{
		Version:        version,
		Summary:        "Security gate for Python code: Bandit's checks and more, on what a commit or pull request changes, as one static binary",
		License:        "Apache-2.0",
		RequiresPython: ">=3.7",
		ProjectURLs: [][2]string{
			{"Homepage", "https://github.com/pyward/pyward"},
			{"Documentation", "https://github.com/pyward/pyward/blob/main/README.md"},
			{"Source", "https://github.com/pyward/pyward"},
			{"Issues", "https://github.com/pyward/pyward/issues"},
		},
	}
	if readme != "" {
		d, err := os.ReadFile(readme)
		if err != nil {
			return "", err
		}
		m.Description = string(d)
	}
	if license != "" {
		if m.LicenseText, err = os.ReadFile(license); err != nil {
			return "", err
		}
	}
	whl, err := wheel.Build(bin, m, target)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(out, wheel.FileName(version, target))
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, whl, 0o644); err != nil {
		return "", err
	}
	return path, os.Rename(tmp, path)
}
