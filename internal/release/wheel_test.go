package release

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestWheelInstallsWithPip builds the host's wheel with packaging/wheels.sh
// (twice, to check the build is reproducible), installs it offline with
// pip into a fresh virtual environment, runs pyward from the
// environment's bin folder, and uninstalls it.
func TestWheelInstallsWithPip(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: builds pyward twice")
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found (.ci/run installs it)")
	}
	if out, err := exec.Command(py, "-c", "import venv, ensurepip").CombinedOutput(); err != nil {
		t.Skipf("python3 has no venv/ensurepip (apt-get install python3-venv; .ci/run does): %s", out)
	}
	target := runtime.GOOS + "/" + runtime.GOARCH
	tmp := t.TempDir()
	var wheels [2][]byte
	var name string
	for i := range wheels {
		dist := filepath.Join(tmp, "dist"+string(rune('a'+i)))
		cmd := exec.Command("bash", "packaging/wheels.sh", dist)
		cmd.Dir = root(t)
		cmd.Env = append(os.Environ(), "PYWARD_WHEEL_TARGETS="+target, "PYWARD_VERSION=v0.9.1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("wheels.sh: %v\n%s", err, out)
		}
		found, _ := filepath.Glob(filepath.Join(dist, "pyward-*.whl"))
		if len(found) != 1 {
			t.Fatalf("wheels in %s: %v", dist, found)
		}
		name = filepath.Base(found[0])
		if wheels[i], err = os.ReadFile(found[0]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(wheels[0], wheels[1]) {
		t.Error("two builds of the same source give different wheels")
	}
	if !strings.HasPrefix(name, "pyward-0.9.1-py3-none-") {
		t.Errorf("wheel name %s", name)
	}

	venv := filepath.Join(tmp, "venv")
	run := func(name string, args ...string) string {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir = tmp
		cmd.Env = append(os.Environ(), "PIP_DISABLE_PIP_VERSION_CHECK=1", "PIP_NO_INPUT=1")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	run(py, "-m", "venv", venv)
	pip := filepath.Join(venv, "bin", "pip")
	run(pip, "install", "--no-index", filepath.Join(tmp, "dista", name))
	bin := filepath.Join(venv, "bin", "pyward")
	if out := run(bin, "version"); !strings.Contains(out, "0.9.1") {
		t.Errorf("pyward version from the venv: %q", out)
	}
	risky := filepath.Join(tmp, "risky.py")
	if err := os.WriteFile(risky, []byte("import os\nos.system(input())\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "scan", "--format", "json", risky)
	out, err := cmd.Output()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 || !strings.Contains(string(out), `"B605"`) {
		t.Errorf("scan from the venv: %v\n%s", err, out)
	}
	if show := run(pip, "show", "pyward"); !strings.Contains(show, "Version: 0.9.1") || !strings.Contains(show, "License: Apache-2.0") {
		t.Errorf("pip show:\n%s", show)
	}
	run(pip, "uninstall", "-y", "pyward")
	if _, err := os.Stat(bin); !os.IsNotExist(err) {
		t.Errorf("pip uninstall left %s (%v)", bin, err)
	}
}
