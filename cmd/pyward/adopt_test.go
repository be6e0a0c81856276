package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyward/pyward/internal/gittest"
)

// legacyPy has eight known findings (and BLOCKS on its own).
const legacyPy = `import os
import subprocess
import pickle


def run(cmd, host, blob):
    os.system(cmd)
    os.system("ping " + host)
    subprocess.call(cmd, shell=True)
    subprocess.Popen("ls " + host, shell=True)
    return pickle.loads(blob)
`

// gitIn runs git with pyward (this test's binary) first on PATH, as a
// user's hook would find it; it returns the output and whether git
// succeeded.
func gitIn(t *testing.T, dir string, args ...string) (string, bool) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = gittest.Env("PATH=" + filepath.Dir(binary) + string(os.PathListSeparator) + os.Getenv("PATH"))
	out, err := cmd.CombinedOutput()
	return string(out), err == nil
}

// The configuration's baseline: reaches the installed hook: after
// `pyward baseline` and `pyward hook install`, an unrelated one-line edit
// of a file with known findings commits; a new finding still blocks, and
// says what to do next.
func TestBaselineFromConfigThroughHook(t *testing.T) {
	dir := gittest.New(t, map[string]string{"legacy.py": legacyPy})
	if out, stderr, code := inRepo(t, dir, "baseline", ".pyward-baseline.json"); code != 0 {
		t.Fatalf("baseline: %d %s %s", code, out, stderr)
	}
	gittest.Write(t, dir, ".pyward.yaml", "baseline: .pyward-baseline.json\n")
	gittest.Run(t, dir, "add", ".pyward.yaml", ".pyward-baseline.json")
	if out, ok := gitIn(t, dir, "commit", "-q", "-m", "adopt pyward"); !ok {
		t.Fatalf("committing the baseline:\n%s", out)
	}
	if out, stderr, code := inRepo(t, dir, "hook", "install"); code != 0 {
		t.Fatalf("hook install: %d %s %s", code, out, stderr)
	}
	gittest.Write(t, dir, "legacy.py", "# the legacy runner\n"+legacyPy)
	gittest.Run(t, dir, "add", "legacy.py")
	if out, ok := gitIn(t, dir, "commit", "-q", "-m", "a comment"); !ok {
		t.Errorf("an unrelated edit of a baselined file was blocked:\n%s", out)
	} else if strings.Contains(out, "Passed") || strings.Count(strings.TrimSpace(out), "\n") > 0 {
		t.Errorf("a passing commit printed more than one short line:\n%s", out)
	}
	// The pre-commit framework's file-passing hook runs `pyward scan FILE...`:
	// the configured baseline applies there too.
	if out, _, code := inRepo(t, dir, "scan", "legacy.py"); code != 0 || !strings.Contains(out, "in the baseline") {
		t.Errorf("pyward scan legacy.py with baseline: in the configuration: status %d\n%s", code, out)
	}
	gittest.Write(t, dir, "legacy.py", legacyPy+"\n\ndef more(x):\n    os.system(x + ' --force')\n")
	gittest.Run(t, dir, "add", "legacy.py")
	out, ok := gitIn(t, dir, "commit", "-q", "-m", "a new shell")
	if ok {
		t.Fatalf("a new finding in a baselined file committed:\n%s", out)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	tail := strings.Join(lines[max(0, len(lines)-5):], "\n")
	for _, want := range []string{"What to do next:", "fix legacy.py:", "B605", "# pyward: ignore[B605] <reason>", "# nosec B605 <reason>", "pyward explain B605", "pyward baseline .pyward-baseline.json"} {
		if !strings.Contains(tail, want) {
			t.Errorf("the hook's last lines lack %q:\n%s", want, tail)
		}
	}
	// A configured baseline that does not exist is an error, not a pass.
	gittest.Write(t, dir, ".pyward.yaml", "baseline: missing.json\n")
	if _, stderr, code := inRepo(t, dir, "scan", "--staged"); code != 2 || !strings.Contains(stderr, "missing.json") {
		t.Errorf("missing configured baseline: status %d, %s", code, stderr)
	}
}

// The configuration's new-only: reaches the installed hook: findings on
// lines the commit does not touch neither show nor block.
func TestNewOnlyFromConfigThroughHook(t *testing.T) {
	dir := gittest.New(t, map[string]string{"legacy.py": legacyPy, ".pyward.yaml": "new-only: true\n"})
	if out, stderr, code := inRepo(t, dir, "hook", "install"); code != 0 {
		t.Fatalf("hook install: %d %s %s", code, out, stderr)
	}
	gittest.Write(t, dir, "legacy.py", strings.Replace(legacyPy, "import pickle\n", "import pickle  # for the cache\n", 1))
	gittest.Run(t, dir, "add", "legacy.py")
	if out, ok := gitIn(t, dir, "commit", "-q", "-m", "a comment"); !ok {
		t.Errorf("an edit next to known findings was blocked under new-only: true:\n%s", out)
	}
	gittest.Write(t, dir, "legacy.py", legacyPy+"os.system(input())\n")
	gittest.Run(t, dir, "add", "legacy.py")
	if out, ok := gitIn(t, dir, "commit", "-q", "-m", "new"); ok || !strings.Contains(out, "B605") {
		t.Errorf("a new finding under new-only: true: ok=%v\n%s", ok, out)
	}
	// --new-only=false on the command line wins over the configuration.
	if _, _, code := inRepo(t, dir, "scan", "--staged", "--new-only=false", "--format", "json"); code != 1 {
		t.Errorf("--new-only=false: status %d, want 1 (the known findings block)", code)
	}
}

// pre-merge-commit: a merge that brings in os.system(...) is blocked,
// though git runs no pre-commit hook for it; uninstall removes both hooks.
func TestMergeIsBlockedByPreMergeCommit(t *testing.T) {
	dir := gittest.New(t, map[string]string{"app.py": safePy})
	if out, stderr, code := inRepo(t, dir, "hook", "install"); code != 0 || !strings.Contains(out, "pre-merge-commit") {
		t.Fatalf("hook install: %d %s %s", code, out, stderr)
	}
	main := gittest.Run(t, dir, "rev-parse", "--abbrev-ref", "HEAD")
	gittest.Run(t, dir, "checkout", "-q", "-b", "feature")
	gittest.Write(t, dir, "tool.py", riskyPy)
	gittest.Run(t, dir, "add", "tool.py")
	// The branch's own commit skips the hook, as a teammate without it would.
	if out, ok := gitIn(t, dir, "commit", "-q", "--no-verify", "-m", "risky"); !ok {
		t.Fatal(out)
	}
	gittest.Run(t, dir, "checkout", "-q", main)
	gittest.Write(t, dir, "app.py", safePy+"\n\ndef sub(a, b):\n    return a - b\n")
	gittest.Run(t, dir, "add", "app.py")
	if out, ok := gitIn(t, dir, "commit", "-q", "-m", "main moves on"); !ok {
		t.Fatal(out)
	}
	head := gittest.Run(t, dir, "rev-parse", "HEAD")
	out, ok := gitIn(t, dir, "merge", "--no-ff", "-m", "merge feature", "feature")
	if ok || !strings.Contains(out, "B605") {
		t.Errorf("git merge bringing in os.system: ok=%v\n%s", ok, out)
	}
	if got := gittest.Run(t, dir, "rev-parse", "HEAD"); got != head {
		t.Error("the blocked merge was committed")
	}
	gitIn(t, dir, "merge", "--abort")
	if out, stderr, code := inRepo(t, dir, "hook", "uninstall"); code != 0 {
		t.Fatalf("hook uninstall: %d %s %s", code, out, stderr)
	}
	gitDir := gittest.Run(t, dir, "rev-parse", "--git-common-dir")
	if !filepath.IsAbs(gitDir) {
		gitDir = filepath.Join(dir, gitDir)
	}
	for _, h := range []string{"pre-commit", "pre-merge-commit"} {
		if _, err := os.Stat(filepath.Join(gitDir, "hooks", h)); !os.IsNotExist(err) {
			t.Errorf("%s left after uninstall: %v", h, err)
		}
	}
	if out, ok := gitIn(t, dir, "merge", "--no-ff", "-m", "merge feature", "feature"); !ok {
		t.Errorf("merge without the hooks: %s", out)
	}
}

// -q prints nothing when the scan passes; without it a clean scan prints
// one short line and no "Passed" summary.
func TestQuietAndCleanOutput(t *testing.T) {
	dir := gittest.New(t, map[string]string{"app.py": safePy})
	gittest.Write(t, dir, "app.py", safePy+"\n\ndef sub(a, b):\n    return a - b\n")
	gittest.Run(t, dir, "add", "app.py")
	if out, stderr, code := inRepo(t, dir, "scan", "--staged", "-q"); code != 0 || out != "" || stderr != "" {
		t.Errorf("-q on a clean commit: %d %q %q", code, out, stderr)
	}
	out, _, code := inRepo(t, dir, "scan", "--staged")
	if code != 0 || strings.Count(out, "\n") != 1 || strings.Contains(out, "Passed") {
		t.Errorf("clean staged scan: %d %q", code, out)
	}
	gittest.Write(t, dir, "app.py", riskyPy)
	gittest.Run(t, dir, "add", "app.py")
	if out, _, code := inRepo(t, dir, "scan", "--staged", "-q"); code != 1 || !strings.Contains(out, "B605") || !strings.Contains(out, "pyward explain B605") {
		t.Errorf("-q on a blocked commit: %d %s", code, out)
	}
}
