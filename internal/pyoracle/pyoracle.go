// Package pyoracle finds the CPython that tests use as their oracle. Only
// tests import it: pyward itself never runs an interpreter.
package pyoracle

import (
	"os/exec"
	"strings"
	"testing"
)

// CPython311 returns the path of python3, or skips the test when there is
// none or when it is not CPython 3.11: pyward's dump follows 3.11's shape
// and positions (f-strings changed in 3.12), so another version is no
// oracle for it.
func CPython311(t testing.TB) string {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: the CPython oracle tests need CPython 3.11 (apt-get install python3 on Debian 12)")
	}
	out, err := exec.Command(py, "-c", "import sys; print(sys.implementation.name, *sys.version_info[:2])").Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	if v := strings.TrimSpace(string(out)); v != "cpython 3 11" {
		t.Skipf("python3 is %q: the oracle tests compare with CPython 3.11's ast.dump, whose shape pyward's dump follows", v)
	}
	return py
}
