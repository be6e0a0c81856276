package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/pyward/pyward/internal/pyoracle"
)

// The command tests run the real binary, built once.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "pyward-test")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "pyward")
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		panic("building pyward: " + err.Error())
	}
	// PYWARD_BINARY runs the command tests against another build, such
	// as an older release, to see which of them it fails.
	if b := os.Getenv("PYWARD_BINARY"); b != "" {
		binary = b
	}
	code := m.Run()

	os.RemoveAll(dir)
	os.Exit(code)
}

// pyward runs the binary and returns stdout, stderr and the exit status.
func pyward(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	return runBinary(t, "", nil, stdin, args...)
}

// runBinary runs the binary in dir (the current folder when "") with env
// (the process's when nil).
func runBinary(t *testing.T, dir string, env []string, stdin string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir, cmd.Env = dir, env
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

func TestVersion(t *testing.T) {
	out, _, code := pyward(t, "", "version")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if code != 0 || len(lines) != 2 || !strings.HasPrefix(lines[0], "pyward ") ||
		lines[1] != runtime.Version()+" "+runtime.GOOS+"/"+runtime.GOARCH {
		t.Errorf("version: %d %q", code, out)
	}
}

func TestDebugASTMatchesCPython(t *testing.T) {
	py := pyoracle.CPython311(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "sample.py")
	src := "import os\n\ndef run(cmd: str) -> int:\n    return os.system(f\"echo {cmd!r}\")  # comment\n"
	os.WriteFile(file, []byte(src), 0o644)
	want, err := exec.Command(py, "-c", `import ast,sys; print(ast.dump(ast.parse(open(sys.argv[1],"rb").read()), include_attributes=True))`, file).Output()
	if err != nil {
		t.Fatal(err)
	}
	out, _, code := pyward(t, "", "debug", "ast", file)
	if code != 0 || out != string(want) {
		t.Errorf("exit %d\n got %s\nwant %s", code, out, want)
	}
	// The same through standard input.
	out, _, code = pyward(t, src, "debug", "ast", "-")
	if code != 0 || out != string(want) {
		t.Errorf("stdin: exit %d\n got %s", code, out)
	}
}

func TestDebugASTErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.py")
	os.WriteFile(bad, []byte("print 'hello'\n"), 0o644)
	_, stderr, code := pyward(t, "", "debug", "ast", bad)
	if code != 1 || !strings.Contains(stderr, "bad.py:1:1: SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?") {
		t.Errorf("syntax error: exit %d, stderr %q", code, stderr)
	}
	enc := filepath.Join(dir, "enc.py")
	os.WriteFile(enc, []byte("# coding: uft-8\nx = 1\n"), 0o644)
	_, stderr, code = pyward(t, "", "debug", "ast", enc)
	if code != 1 || !strings.Contains(stderr, "enc.py:1: SyntaxError: unknown encoding: uft-8") {
		t.Errorf("decoding error: exit %d, stderr %q", code, stderr)
	}
	_, stderr, code = pyward(t, "", "debug", "ast", filepath.Join(dir, "missing.py"))
	if code != 2 || !strings.Contains(stderr, "no such file") {
		t.Errorf("missing file: exit %d, stderr %q", code, stderr)
	}
	_, stderr, code = pyward(t, "", "debug", "ast")
	if code != 2 || !strings.Contains(stderr, "usage") {
		t.Errorf("no argument: exit %d, stderr %q", code, stderr)
	}
}

// TestVersionFromLinker checks the release path: -ldflags "-X main.version=...".
func TestVersionFromLinker(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: builds pyward a second time")
	}
	bin := filepath.Join(t.TempDir(), "pyward")
	build := exec.Command("go", "build", "-ldflags", "-X main.version=v9.8.7", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "version").Output()
	if err != nil || !strings.HasPrefix(string(out), "pyward v9.8.7\n") {
		t.Errorf("version: %v %q", err, out)
	}
}
