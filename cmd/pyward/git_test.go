package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pyward/pyward/internal/gittest"
)

// inRepo runs the pyward binary in dir with git's test environment.
func inRepo(t *testing.T, dir string, args ...string) (string, string, int) {
	t.Helper()
	return runBinary(t, dir, gittest.Env(), "", args...)
}

// scanJSON is the part of the JSON report these tests read.
type scanJSON struct {
	Files []struct {
		Path     string
		Level    string
		Findings []struct {
			Rule     string
			Line     int
			Baseline string
		}
	}
	Summary struct {
		Findings    int
		Blocked     bool
		Preexisting int
		Baselined   int
		Absent      int
	}
}

func parseScan(t *testing.T, out string) scanJSON {
	t.Helper()
	var s scanJSON
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return s
}

// findings lists "path:line:rule" of the shown findings.
func (s scanJSON) findings() []string {
	var out []string
	for _, f := range s.Files {
		for _, fd := range f.Findings {
			out = append(out, f.Path+":"+itoa(fd.Line)+":"+fd.Rule)
		}
	}
	return out
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

const safePy = "def add(a, b):\n    return a + b\n"
const riskyPy = "import os\n\n\ndef run(cmd):\n    os.system(cmd)\n"

// commit runs `git commit` with extra arguments in dir, with pyward (this
// test's binary) first on PATH for the hook, and returns its output and
// whether it succeeded.
func commit(t *testing.T, dir string, args ...string) (string, bool) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"commit", "-q"}, args...)...)
	cmd.Dir = dir
	cmd.Env = gittest.Env("PATH=" + filepath.Dir(binary) + string(os.PathListSeparator) + os.Getenv("PATH"))
	out, err := cmd.CombinedOutput()
	return string(out), err == nil
}

func TestHookJudgesWhatIsCommitted(t *testing.T) {
	dir := gittest.New(t, map[string]string{"app.py": safePy, "other.py": safePy})
	if out, stderr, code := inRepo(t, dir, "hook", "install"); code != 0 {
		t.Fatalf("hook install: %d %s %s", code, out, stderr)
	}
	head := gittest.Run(t, dir, "rev-parse", "HEAD")

	// commit -a: git stages into a temporary index (GIT_INDEX_FILE) first.
	gittest.Write(t, dir, "app.py", riskyPy)
	out, ok := commit(t, dir, "-a", "-m", "risky")
	if ok || !strings.Contains(out, "B605") {
		t.Errorf("git commit -a with a risky change: ok=%v\n%s", ok, out)
	}
	// git commit PATHS (--only) also uses a temporary index.
	out, ok = commit(t, dir, "-m", "risky", "app.py")
	if ok || !strings.Contains(out, "B605") {
		t.Errorf("git commit app.py with a risky change: ok=%v\n%s", ok, out)
	}
	if got := gittest.Run(t, dir, "rev-parse", "HEAD"); got != head {
		t.Fatal("a blocked commit was made")
	}
	// The risky change stays in the working tree; a clean staged change
	// elsewhere commits.
	gittest.Write(t, dir, "other.py", safePy+"\n\ndef sub(a, b):\n    return a - b\n")
	gittest.Run(t, dir, "add", "other.py")
	if out, ok := commit(t, dir, "-m", "clean"); !ok {
		t.Errorf("a clean commit was blocked:\n%s", out)
	}
	// Staged risky content blocks even when the working tree was fixed
	// after staging: the index is what gets committed.
	gittest.Run(t, dir, "add", "app.py")
	gittest.Write(t, dir, "app.py", safePy)
	if out, ok := commit(t, dir, "-m", "staged risky"); ok {
		t.Errorf("staged risky content was committed:\n%s", out)
	}
	// pyward not on PATH: the hook runs the binary that installed it.
	fix := exec.Command("git", "commit", "-q", "-m", "staged risky, no pyward on PATH")
	fix.Dir = dir
	fix.Env = gittest.Env("PATH=/usr/bin:/bin")
	if out, err := fix.CombinedOutput(); err == nil || !strings.Contains(string(out), "B605") {
		t.Errorf("hook with pyward only at its install path: %v\n%s", err, out)
	}
	if out, stderr, code := inRepo(t, dir, "hook", "uninstall"); code != 0 {
		t.Errorf("hook uninstall: %d %s %s", code, out, stderr)
	}
}

func TestNewOnly(t *testing.T) {
	old := "import os\n\n\ndef legacy(cmd):\n    os.system(cmd)\n"
	dir := gittest.New(t, map[string]string{"legacy.py": old})
	gittest.Write(t, dir, "legacy.py", old+"\n\ndef fresh(x):\n    assert x\n")
	gittest.Run(t, dir, "add", "legacy.py")
	before := gittest.Snapshot(t, dir)

	out, _, code := inRepo(t, dir, "scan", "--staged", "--format", "json")
	if code != 1 {
		t.Errorf("--staged: exit %d, want 1 (the old os.system is HIGH)", code)
	}
	if got := parseScan(t, out).findings(); strings.Join(got, " ") != "legacy.py:5:B605 legacy.py:9:B101" {
		t.Errorf("--staged findings %v", got)
	}
	out, _, code = inRepo(t, dir, "scan", "--staged", "--new-only", "--format", "json")
	s := parseScan(t, out)
	if code != 0 || strings.Join(s.findings(), " ") != "legacy.py:9:B101" || s.Summary.Preexisting != 1 {
		t.Errorf("--new-only: exit %d, findings %v, preexisting %d; want 0, [legacy.py:9:B101], 1", code, s.findings(), s.Summary.Preexisting)
	}
	if gittest.Snapshot(t, dir) != before {
		t.Error("the scan changed the repository")
	}

	// --changed on a branch, with SARIF in its own category.
	gittest.Run(t, dir, "checkout", "-q", "-b", "feature")
	gittest.Run(t, dir, "commit", "-q", "-m", "fresh")
	sarifPath := filepath.Join(t.TempDir(), "out.sarif")
	out, _, code = inRepo(t, dir, "scan", "--changed", "main", "--new-only", "--format", "json", "--sarif", sarifPath)
	if s := parseScan(t, out); code != 0 || strings.Join(s.findings(), " ") != "legacy.py:9:B101" {
		t.Errorf("--changed main --new-only: exit %d findings %v", code, s.findings())
	}
	b, err := os.ReadFile(sarifPath)
	if err != nil || !bytes.Contains(b, []byte(`"id": "pyward-changed"`)) {
		t.Errorf("SARIF of a --changed scan: want automationDetails id pyward-changed (%v)", err)
	}
}

func TestGitUsageErrors(t *testing.T) {
	dir := gittest.New(t, map[string]string{"a.py": safePy})
	for _, c := range []struct {
		dir  string
		args []string
		want string
	}{
		{dir, []string{"scan", "--staged", "a.py"}, "give no paths"},
		{dir, []string{"scan", "--staged", "--changed", "main"}, "cannot be combined"},
		{dir, []string{"scan", "--new-only", "a.py"}, "--new-only needs"},
		{t.TempDir(), []string{"scan", "--staged"}, "not a git repository"},
		{dir, []string{"scan", "--changed", "nope"}, "no such revision"},
	} {
		_, stderr, code := inRepo(t, c.dir, c.args...)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, stderr, c.want)
		}
	}
}

func TestBaseline(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	scan := func(extra ...string) (scanJSON, int) {
		out, stderr, code := inRepo(t, dir, append([]string{"scan", "--format", "json", "--baseline", "base.json"}, extra...)...)
		if code == 2 {
			t.Fatalf("scan: %s", stderr)
		}
		return parseScan(t, out), code
	}
	legacy := "import os\nimport subprocess\n\n\ndef run(cmd):\n    os.system(cmd)\n"
	write("app.py", legacy)
	if _, stderr, code := inRepo(t, dir, "baseline", "base.json", "app.py"); code != 0 || !strings.Contains(stderr, "recorded 2 findings") {
		t.Fatalf("baseline: %d %s", code, stderr)
	}
	first, _ := os.ReadFile(filepath.Join(dir, "base.json"))
	if _, _, code := inRepo(t, dir, "baseline", "base.json", "app.py"); code != 0 {
		t.Fatal("baseline again")
	}
	if again, _ := os.ReadFile(filepath.Join(dir, "base.json")); !bytes.Equal(first, again) {
		t.Errorf("the baseline is not stable:\n%s\n%s", first, again)
	}

	s, code := scan("app.py")
	if code != 0 || s.Summary.Findings != 0 || s.Summary.Baselined != 2 {
		t.Errorf("unchanged code: exit %d, %d shown, %d baselined", code, s.Summary.Findings, s.Summary.Baselined)
	}
	// Lines moved and the function renamed around the finding.
	write("app.py", "import os\n\n# a comment\nimport subprocess\n\n\ndef execute(cmd):\n    \"\"\"Run it.\"\"\"\n    os.system(cmd)\n")
	if s, code := scan("app.py"); code != 0 || s.Summary.Baselined != 2 {
		t.Errorf("moved and renamed: exit %d, findings %v, baselined %d", code, s.findings(), s.Summary.Baselined)
	}
	// A second copy of the same problem is new.
	write("app.py", legacy+"\n\ndef again(cmd):\n    os.system(cmd)\n")
	s, code = scan("app.py")
	if code != 1 || strings.Join(s.findings(), " ") != "app.py:10:B605" || s.Files[0].Findings[0].Baseline != "new" {
		t.Errorf("duplicated finding: exit %d, findings %v", code, s.findings())
	}
	// A fixed finding is reported absent.
	write("app.py", "import os\nimport subprocess\n")
	if s, code := scan("app.py"); code != 0 || s.Summary.Absent != 1 || s.Summary.Baselined != 1 {
		t.Errorf("fixed finding: exit %d, absent %d, baselined %d", code, s.Summary.Absent, s.Summary.Baselined)
	}
	// SARIF says which results the baseline knows.
	write("app.py", legacy+"\n\ndef again(cmd):\n    os.system(cmd)\n")
	out, _, _ := inRepo(t, dir, "scan", "--format", "sarif", "--baseline", "base.json", "app.py")
	if strings.Count(out, `"baselineState": "unchanged"`) != 2 || strings.Count(out, `"baselineState": "new"`) != 1 {
		t.Errorf("SARIF baselineState: %s", out)
	}
	// A corrupt baseline is an error, never a silent pass.
	for name, content := range map[string]string{
		"corrupt.json": `{"pyward_baseline": 1, "findings": [`,
		"other.json":   `{"version": 3}`,
		"bad.json":     `{"pyward_baseline": 1, "findings": [{"path": "app.py", "rule": "B605", "count": 1}]}`,
	} {
		write(name, content)
		_, stderr, code := inRepo(t, dir, "scan", "--baseline", name, "app.py")
		if code != 2 || !strings.Contains(stderr, name) {
			t.Errorf("%s: exit %d, stderr %q; want 2 naming the file", name, code, stderr)
		}
	}
}

// TestPreCommitFramework runs the real pre-commit framework with a
// configuration pointing at this repository's .pre-commit-hooks.yaml (a
// copy of the working tree committed to a scratch repository, so that
// uncommitted work is what is tested): a clean commit passes, a risky
// staged file blocks.
func TestPreCommitFramework(t *testing.T) {
	if _, err := exec.LookPath("pre-commit"); err != nil {
		t.Skip("pre-commit not found: this test runs the real framework (apt-get install pre-commit; .ci/run installs it)")
	}
	gittest.Need(t)
	src := snapshotProject(t)
	rev := gittest.Run(t, src, "rev-parse", "HEAD")
	dir := gittest.New(t, map[string]string{"app.py": safePy})
	for _, id := range []string{"pyward", "pyward-staged"} {
		gittest.Write(t, dir, ".pre-commit-config.yaml", "repos:\n- repo: "+src+"\n  rev: "+rev+"\n  hooks:\n  - id: "+id+"\n")
		gittest.Run(t, dir, "add", ".pre-commit-config.yaml")
		gittest.Write(t, dir, "app.py", safePy+"\n\ndef mul(a, b):\n    return a * b\n")
		gittest.Run(t, dir, "add", "app.py")
		home := filepath.Join(t.TempDir(), "pre-commit-home")
		run := func() (string, bool) { return preCommitRun(dir, home) }
		if out, ok := run(); !ok {
			t.Fatalf("%s: pre-commit on a clean change failed:\n%s", id, out)
		}
		gittest.Write(t, dir, "risky.py", riskyPy)
		gittest.Run(t, dir, "add", "risky.py")
		out, ok := run()
		if ok || !strings.Contains(out, "B605") {
			t.Errorf("%s: pre-commit with a risky staged file: ok=%v\n%s", id, ok, out)
		}
		gittest.Run(t, dir, "rm", "-q", "--cached", "risky.py")
		os.Remove(filepath.Join(dir, "risky.py"))
	}
}

// preCommitRun runs the real pre-commit framework in dir, with its
// environments under home; it returns the output and whether it passed.
func preCommitRun(dir, home string) (string, bool) {
	cmd := exec.Command("pre-commit", "run")
	cmd.Dir = dir
	cmd.Env = gittest.Env("PRE_COMMIT_HOME="+home, "GOFLAGS=-mod=mod")
	if mc, err := exec.Command("go", "env", "GOMODCACHE").Output(); err == nil {
		// Reuse the module cache instead of downloading again.
		cmd.Env = append(cmd.Env, "GOMODCACHE="+strings.TrimSpace(string(mc)))
	}
	out, err := cmd.CombinedOutput()
	return string(out), err == nil
}

// snapshotProject commits the project's current files (tracked and new,
// as git ls-files lists them) to a scratch repository and returns it.
func snapshotProject(t *testing.T) string {
	t.Helper()
	top := gittest.Run(t, ".", "rev-parse", "--show-toplevel")
	list := gittest.Run(t, top, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	dst := t.TempDir()
	gittest.Run(t, dst, "init", "-q", "-b", "main")
	for _, name := range strings.Split(list, "\x00") {
		if name == "" {
			continue
		}
		b, err := os.ReadFile(filepath.Join(top, name))
		if err != nil {
			continue // deleted in the working tree
		}
		gittest.Write(t, dst, name, string(b))
	}
	gittest.Run(t, dst, "add", "-A")
	gittest.Run(t, dst, "commit", "-q", "-m", "snapshot")
	return dst
}

// TestStagedFindsPythonByShebang: an extensionless staged file is Python
// when its blob starts with a python shebang; other files are not read.
func TestStagedFindsPythonByShebang(t *testing.T) {
	dir := gittest.New(t, map[string]string{"README": "hello\n"})
	gittest.Write(t, dir, "bin/tool", "#!/usr/bin/env python3\nimport os\nos.system(input())\n")
	gittest.Write(t, dir, "bin/run", "#!/bin/sh\nexec tool\n")
	gittest.Write(t, dir, "notes.txt", "os.system(x)\n")
	gittest.Run(t, dir, "add", "-A")
	// The working tree copy differs: the blob decides.
	gittest.Write(t, dir, "bin/run", "#!/usr/bin/python\nimport os\nos.system(input())\n")
	out, _, code := inRepo(t, dir, "scan", "--staged", "--format", "json")
	s := parseScan(t, out)
	if code != 1 || len(s.Files) != 1 || s.Files[0].Path != "bin/tool" {
		t.Errorf("exit %d, files %+v; want only bin/tool", code, s.Files)
	}
}

// TestBanditEngineOnStagedContent runs the real Bandit through --engines on
// staged content that differs from the working tree: Bandit sees the
// blob, and its findings come back at the repository's path and line.
func TestBanditEngineOnStagedContent(t *testing.T) {
	if _, err := exec.LookPath("bandit"); err != nil {
		t.Skip("bandit not found: apt-get install bandit (.ci/run installs it)")
	}
	dir := gittest.New(t, map[string]string{"pkg/tool.py": safePy})
	staged := "import subprocess\n\n\ndef run(cmd):\n    name = input()\n    subprocess.call(cmd, shell=True)\n"
	gittest.Write(t, dir, "pkg/tool.py", staged)
	gittest.Run(t, dir, "add", "pkg/tool.py")
	gittest.Write(t, dir, "pkg/tool.py", safePy) // the working tree is clean again
	out, stderr, code := inRepo(t, dir, "scan", "--staged", "--engines", "native,bandit", "--format", "json")
	if code != 1 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rep struct {
		Files []struct {
			Path     string
			Findings []struct {
				Rule   string
				Line   int
				Engine string
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range rep.Files {
		for _, fd := range f.Findings {
			got[f.Path+":"+itoa(fd.Line)+":"+fd.Rule] = fd.Engine
		}
	}
	// B602 is found by both and merged; Debian's Bandit 1.6.2 also reports
	// input() (B322, a Python 2 check pyward does not have), namespaced.
	if got["pkg/tool.py:6:B602"] != "pyward,bandit" || got["pkg/tool.py:1:B404"] != "pyward,bandit" {
		t.Errorf("merged findings: %v", got)
	}
	if e, ok := got["pkg/tool.py:5:bandit:B322"]; ok && e != "bandit" {
		t.Errorf("bandit:B322 attributed to %q", e)
	}
	sarifOut, _, _ := inRepo(t, dir, "scan", "--staged", "--engines", "native,bandit", "--format", "sarif")
	if !strings.Contains(sarifOut, `"extensions"`) && strings.Contains(out, "bandit:") {
		t.Errorf("SARIF without the bandit extension:\n%s", sarifOut)
	}
	if !regexp.MustCompile(`"engines": \[\s*"pyward",\s*"bandit"\s*\]`).MatchString(sarifOut) {
		t.Errorf("SARIF results do not say Bandit confirmed them:\n%s", sarifOut)
	}
}

func TestEngineNotices(t *testing.T) {
	dir := gittest.New(t, map[string]string{"a.py": safePy})
	// Named on the command line but missing: an error.
	_, stderr, code := inRepo(t, dir, "scan", "--engines", "native,semgrep", "--semgrep", "/nonexistent/semgrep", "a.py")
	if code != 2 || !strings.Contains(stderr, "engine semgrep: not found (/nonexistent/semgrep)") {
		t.Errorf("missing explicit engine: exit %d, %q", code, stderr)
	}
	// Enabled with auto in the configuration and missing: a notice.
	gittest.Write(t, dir, ".pyward.yaml", "engines:\n  semgrep: {enabled: auto}\n")
	out, stderr, code := inRepo(t, dir, "scan", "--semgrep", "/nonexistent/semgrep", "a.py")
	want := "semgrep: not found (/nonexistent/semgrep); install it or name it with --semgrep; it did not run"
	if code != 0 || !strings.Contains(out, "notice: "+want) || !strings.Contains(stderr, want) {
		t.Errorf("auto engine missing: exit %d\n%s\n%s", code, out, stderr)
	}
	// A timeout is a notice in the report and a SARIF notification; the
	// native findings stand.
	slow := filepath.Join(t.TempDir(), "bandit")
	os.WriteFile(slow, []byte("#!/bin/sh\nsleep 10\n"), 0o755)
	gittest.Write(t, dir, ".pyward.yaml", "engines:\n  bandit: {enabled: 'true', timeout: 300ms}\n")
	gittest.Write(t, dir, "b.py", "import os\nos.system(cmd)\n")
	out, _, code = inRepo(t, dir, "scan", "--bandit", slow, "--format", "sarif", "b.py")
	if code != 1 || !strings.Contains(out, "bandit: timed out after 300ms; its findings are missing from this scan") || !strings.Contains(out, `"ruleId": "B605"`) {
		t.Errorf("timeout: exit %d\n%s", code, out)
	}
}

// TestChangedConfigIsNoticed: a change that edits the configuration (in CI,
// a pull request relaxing its own gate) gets a notice in the report.
func TestChangedConfigIsNoticed(t *testing.T) {
	dir := gittest.New(t, map[string]string{"a.py": safePy, ".pyward.yaml": "fail-on: high\n"})
	gittest.Write(t, dir, ".pyward.yaml", "fail-on: high\nexclude: [evil.py]\n")
	gittest.Write(t, dir, "evil.py", riskyPy)
	gittest.Run(t, dir, "add", "-A")
	out, _, code := inRepo(t, dir, "scan", "--staged")
	if code != 0 || !strings.Contains(out, "notice: configuration: .pyward.yaml is itself changed") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

// TestHookInLinkedWorktree: the hook installed in the main repository
// also guards commits made in a linked worktree, judging that worktree's
// index.
func TestHookInLinkedWorktree(t *testing.T) {
	dir := gittest.New(t, map[string]string{"app.py": safePy})
	if _, stderr, code := inRepo(t, dir, "hook", "install"); code != 0 {
		t.Fatal(stderr)
	}
	wt := filepath.Join(t.TempDir(), "wt")
	gittest.Run(t, dir, "worktree", "add", "-q", "-b", "feature", wt)
	gittest.Write(t, wt, "app.py", riskyPy)
	gittest.Run(t, wt, "add", "app.py")
	if out, ok := commit(t, wt, "-m", "risky in a worktree"); ok || !strings.Contains(out, "B605") {
		t.Errorf("commit in a linked worktree: ok=%v\n%s", ok, out)
	}
	gittest.Write(t, wt, "app.py", safePy+"\n")
	gittest.Run(t, wt, "add", "app.py")
	if out, ok := commit(t, wt, "-m", "clean in a worktree"); !ok {
		t.Errorf("clean commit in a linked worktree blocked:\n%s", out)
	}
}

// TestPreCommitFrameworkAdoption: the configuration's baseline: reaches
// both pre-commit hooks and new-only: the staged one (a scan of paths has
// no changed lines: docs/configuration.md), run by the real framework.
// After adoption, an unrelated edit of a file with eight known findings
// passes and a new finding blocks.
func TestPreCommitFrameworkAdoption(t *testing.T) {
	if _, err := exec.LookPath("pre-commit"); err != nil {
		t.Skip("pre-commit not found: this test runs the real framework (apt-get install pre-commit; .ci/run installs it)")
	}
	gittest.Need(t)
	src := snapshotProject(t)
	rev := gittest.Run(t, src, "rev-parse", "HEAD")
	home := filepath.Join(t.TempDir(), "pre-commit-home") // one build of the hook for every case
	for _, tc := range [][2]string{{"baseline", "pyward"}, {"baseline", "pyward-staged"}, {"new-only", "pyward-staged"}} {
		mode, id := tc[0], tc[1]
		dir := gittest.New(t, map[string]string{"legacy.py": legacyPy})
		cfg := "new-only: true\n"
		if mode == "baseline" {
			if out, stderr, code := inRepo(t, dir, "baseline", ".pyward-baseline.json"); code != 0 {
				t.Fatalf("baseline: %d %s %s", code, out, stderr)
			}
			cfg = "baseline: .pyward-baseline.json\n"
		}
		gittest.Write(t, dir, ".pyward.yaml", cfg)
		gittest.Write(t, dir, ".pre-commit-config.yaml", "repos:\n- repo: "+src+"\n  rev: "+rev+"\n  hooks:\n  - id: "+id+"\n")
		gittest.Run(t, dir, "add", "-A")
		gittest.Run(t, dir, "commit", "-q", "-m", "adopt pyward")
		run := func() (string, bool) { return preCommitRun(dir, home) }
		gittest.Write(t, dir, "legacy.py", strings.Replace(legacyPy, "import pickle\n", "import pickle  # for the cache\n", 1))
		gittest.Run(t, dir, "add", "legacy.py")
		if out, ok := run(); !ok {
			t.Errorf("%s, %s: an unrelated edit of a file with known findings was blocked:\n%s", mode, id, out)
		}
		gittest.Write(t, dir, "legacy.py", legacyPy+"os.system(input())\n")
		gittest.Run(t, dir, "add", "legacy.py")
		if out, ok := run(); ok || !strings.Contains(out, "B605") {
			t.Errorf("%s, %s: a new finding: ok=%v, want blocked on B605\n%s", mode, id, ok, out)
		}
	}
}
