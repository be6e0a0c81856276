package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pyward/pyward/internal/gittest"
)

// The tests in this file run the built binary on what a new user and a
// hostile input would give it: which files are judged, under which
// configuration, what a file that was not judged does to the verdict, and
// what the output lets through. Each one failed before its fix (run them
// against an older binary with PYWARD_BINARY=path).

// runIn runs the binary in dir with stdin, killing it after a minute: a
// scan that hangs fails the test instead of the suite.
func runIn(t *testing.T, dir, stdin string, args ...string) (string, string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Dir, cmd.Env = dir, gittest.Env()
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("pyward %v did not finish within a minute (hung)", args)
	}
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

// scanReport is the JSON report's part these tests read.
type scanReport struct {
	Files []struct {
		Path     string
		Level    string
		Error    string
		Findings []struct{ Rule string }
	}
	Summary struct {
		Files, Findings int
		Blocked         bool
		SkippedFolders  int `json:"skipped_folders"`
		Excluded        int
	}
}

func parseReport(t *testing.T, out string) scanReport {
	t.Helper()
	var r scanReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("not the JSON report: %v\n%s", err, out)
	}
	return r
}

// rules lists path:rule of every finding, and path:error of files not judged.
func (r scanReport) rules() string {
	var out []string
	for _, f := range r.Files {
		for _, fd := range f.Findings {
			out = append(out, f.Path+":"+fd.Rule)
		}
	}
	return strings.Join(out, " ")
}

func (r scanReport) paths() string {
	var out []string
	for _, f := range r.Files {
		out = append(out, f.Path)
	}
	return strings.Join(out, " ")
}

// A file pyward did not judge is never a pass: PW001, blocked, exit 1,
// whatever the format and the policy.
func TestNotJudgedBlocks(t *testing.T) {
	huge := "x = 1\n" + strings.Repeat("# padding\n", 17<<20/10)
	out, stderr, code := runIn(t, t.TempDir(), huge, "scan", "--policy", "strict", "--format", "json", "--stdin-filename", "x.py", "-")
	r := parseReport(t, out)
	if code != 1 || !r.Summary.Blocked || len(r.Files) != 1 || r.Files[0].Level != "BLOCKED" ||
		r.rules() != "x.py:PW001" || !strings.Contains(r.Files[0].Error, "16 MiB") {
		t.Errorf("17 MiB on stdin: exit %d, %+v\nstderr %s", code, r, stderr)
	}

	// Staged over the limit: the hook's scan blocks and never says Passed.
	dir := gittest.New(t, map[string]string{"ok.py": "x = 1\n"})
	gittest.Write(t, dir, "big.py", huge)
	gittest.Run(t, dir, "add", "big.py")
	out, stderr, code = runIn(t, dir, "", "scan", "--staged")
	if code != 1 || strings.Contains(out, "Passed") || !strings.Contains(out, "PW001") || !strings.Contains(stderr, "big.py: not judged") {
		t.Errorf("staged 17 MiB: exit %d\n%s\nstderr %s", code, out, stderr)
	}
	out, _, code = runIn(t, dir, "", "scan", "--staged", "--format", "json")
	if r := parseReport(t, out); code != 1 || !r.Summary.Blocked {
		t.Errorf("staged 17 MiB, JSON: exit %d blocked %v", code, r.Summary.Blocked)
	}
}

// Anything not a regular file is refused with a notice, never opened: a
// FIFO named x.py hung the scan forever.
func TestNotRegularFilesRefused(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "ok.py"), []byte("x = 1\n"), 0o644)
	if err := syscall.Mkfifo(filepath.Join(dir, "x.py"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	for _, args := range [][]string{{"scan", "."}, {"scan", "x.py"}, {"scan", "--format", "json", "."}} {
		out, stderr, code := runIn(t, dir, "", args...)
		if code != 1 || !strings.Contains(stderr, "x.py: not judged: not a regular file (a named pipe (FIFO))") {
			t.Errorf("%v: exit %d\n%s\nstderr %s", args, code, out, stderr)
		}
	}
}

// In a repository a folder scan judges what git tracks, whatever its
// folder is called, and what git does not ignore; every skipped folder is
// counted.
func TestFolderScanFollowsGit(t *testing.T) {
	dir := gittest.New(t, map[string]string{
		"src/build/evil.py": "import os\nos.system(input())\n",
		"app.py":            "x = 1\n",
		".gitignore":        "generated/\n",
	})
	gittest.Write(t, dir, "dist/untracked.py", "eval(input())\n")       // untracked, default-excluded folder
	gittest.Write(t, dir, "generated/out.py", "eval(input())\n")        // ignored by git
	gittest.Write(t, dir, "new.py", "import pickle\npickle.loads(b)\n") // untracked, judged
	out, stderr, code := runIn(t, dir, "", "scan", "--format", "json", ".")
	r := parseReport(t, out)
	if code != 1 || r.paths() != "app.py new.py src/build/evil.py" || r.Summary.SkippedFolders != 2 {
		t.Errorf("exit %d, judged %q, skipped folders %d; stderr %s", code, r.paths(), r.Summary.SkippedFolders, stderr)
	}
	out, _, _ = runIn(t, dir, "", "scan", ".")
	if !strings.Contains(out, "src/build/evil.py") || !strings.Contains(out, "2 folders skipped") {
		t.Errorf("text report:\n%s", out)
	}
}

// A file named on the command line is Python whatever its extension,
// unless the configuration excludes it (pre-commit passes file names).
func TestNamedFiles(t *testing.T) {
	dir := gittest.New(t, map[string]string{
		"notes.txt":        "import os\nos.system(input())\n",
		"generated/gen.py": "import os\nos.system(input())\n",
		".pyward.yaml":     "exclude: [\"generated/**\"]\n",
		"ok.py":            "x = 1\n",
	})
	out, stderr, code := runIn(t, dir, "", "scan", "notes.txt")
	if code != 1 || !strings.Contains(out, "notes.txt:2:1 B605") {
		t.Errorf("notes.txt: exit %d\n%s\nstderr %s", code, out, stderr)
	}
	out, stderr, code = runIn(t, dir, "", "scan", "--format", "json", "generated/gen.py", "ok.py")
	if r := parseReport(t, out); code != 0 || r.paths() != "ok.py" || r.Summary.Excluded != 1 {
		t.Errorf("excluded named file: exit %d, %q, %+v; stderr %s", code, r.paths(), r.Summary, stderr)
	}
	// Named twice, judged once.
	out, _, _ = runIn(t, dir, "", "scan", "--format", "json", "ok.py", "ok.py", "./ok.py")
	if r := parseReport(t, out); r.paths() != "ok.py" {
		t.Errorf("ok.py named three times: judged %q", r.paths())
	}
}

// Each file is judged under the configuration nearest above it: the same
// verdicts whatever the current folder and the order of the arguments.
func TestNearestConfiguration(t *testing.T) {
	dir := gittest.New(t, map[string]string{
		".pyward.yaml":         "fail-on: high\n",
		"lab/.pyward.yaml":     "fail-on: never\ntrusted:\n  - paths: [\"*.py\"]\n    rules: [B605, \"PW4*\"]\n    reason: sandboxed experiments\n",
		"lab/try.py":           "import os\nos.system(input())\n",
		"svc/run.py":           "import os\nos.system(input())\n",
		"svc/sub/.pyward.yaml": "policy: strict\n",
		"svc/sub/agent.py":     "eval(x)\n",
	})
	verdicts := func(cwd string, args ...string) string {
		out, stderr, _ := runIn(t, filepath.Join(dir, cwd), "", append([]string{"scan", "--format", "json"}, args...)...)
		r := parseReport(t, out)
		var v []string
		for _, f := range r.Files {
			v = append(v, f.Path+"="+f.Level)
		}
		if stderr != "" && !strings.Contains(stderr, "notice") {
			t.Logf("stderr: %s", stderr)
		}
		return strings.Join(v, " ")
	}
	want := "lab/try.py=LOW"
	if got := verdicts("", "lab/try.py"); got != want {
		t.Errorf("lab/try.py from the root: %s, want %s (lab's trusted entry)", got, want)
	}
	a := verdicts("", "lab", "svc")
	b := verdicts("", "svc", "lab")
	c := verdicts("svc", "../lab", ".")
	sort := func(s string) string { f := strings.Fields(s); sortStrings(f); return strings.Join(f, " ") }
	if sort(a) != sort(b) || sort(a) != sort(c) || !strings.Contains(a, "svc/sub/agent.py=BLOCKED") || !strings.Contains(a, "lab/try.py=LOW") {
		t.Errorf("verdicts depend on the order or the folder:\n %s\n %s\n %s", a, b, c)
	}
	// lab's fail-on: never holds for its files only.
	_, _, code := runIn(t, dir, "", "scan", "lab", "svc/run.py")
	if code != 1 {
		t.Errorf("svc/run.py is HIGH under the root's fail-on: high, exit %d", code)
	}
	out, _, _ := runIn(t, dir, "", "config", "svc/sub/agent.py")
	if !strings.Contains(out, "judged under "+filepath.Join(dir, "svc", "sub", ".pyward.yaml")) &&
		!strings.Contains(out, "judged under svc/sub/.pyward.yaml") {
		t.Errorf("pyward config svc/sub/agent.py:\n%s", out)
	}
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// Outside a repository paths are reported as given; in one, JSON paths
// are relative to the root and text paths to the current folder.
func TestReportedPaths(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"a/x.py", "b/x.py"} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755)
		os.WriteFile(filepath.Join(dir, p), []byte("eval(input())\n"), 0o644)
	}
	out, _, _ := runIn(t, dir, "", "scan", "--format", "json", "a/x.py", "b/x.py")
	if r := parseReport(t, out); r.paths() != "a/x.py b/x.py" {
		t.Errorf("outside a repository: %q, want a/x.py b/x.py", r.paths())
	}

	repo := gittest.New(t, map[string]string{"pkg/mod.py": "eval(input())\n"})
	out, _, _ = runIn(t, filepath.Join(repo, "pkg"), "", "scan", "--format", "json", ".")
	if r := parseReport(t, out); r.paths() != "pkg/mod.py" {
		t.Errorf("JSON from a subfolder: %q, want the root-relative pkg/mod.py", r.paths())
	}
	out, _, _ = runIn(t, filepath.Join(repo, "pkg"), "", "scan", ".")
	if !strings.HasPrefix(out, "mod.py  BLOCKED") || !strings.Contains(out, "\n  mod.py:1:1 ") {
		t.Errorf("text from a subfolder shows paths relative to it:\n%s", out)
	}
}

// Control and bidi characters from scanned source are shown escaped.
func TestOutputEscapesControlCharacters(t *testing.T) {
	dir := t.TempDir()
	src := "import os\nos.system(input())  # \x1b[2K\x1b[1Ghidden \u202eevil\n"
	os.WriteFile(filepath.Join(dir, "x\u202e.py"), []byte(src), 0o644)
	for _, format := range []string{"text", "github"} {
		out, _, _ := runIn(t, dir, "", "scan", "--format", format, ".")
		if strings.ContainsAny(out, "\x1b\u202e") {
			t.Errorf("%s output carries raw control characters: %q", format, out)
		}
		if !strings.Contains(out, `x\u202e.py`) {
			t.Errorf("%s output does not show the escaped name: %q", format, out)
		}
		if format == "text" && !strings.Contains(out, `# \x1b[2K\x1b[1Ghidden \u202eevil`) {
			t.Errorf("text output does not show the escaped line: %q", out)
		}
	}
}

// The summary says what counts what.
func TestSummaryWording(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "x.py"), []byte("import pickle\n"), 0o644)
	out, _, _ := runIn(t, dir, "", "scan", ".")
	if !strings.Contains(out, "1 file judged: 1 LOW, 0 MEDIUM, 0 HIGH, 0 BLOCKED (files by level); 1 finding shown.") {
		t.Errorf("summary:\n%s", out)
	}
}

// Flags after paths work; usage errors go to standard error with a hint,
// nothing on standard output.
func TestCommandLine(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "ok.py"), []byte("x = 1\n"), 0o644)
	out, stderr, code := runIn(t, dir, "", "scan", ".", "--format", "json")
	if code != 0 || parseReport(t, out).paths() != "ok.py" {
		t.Errorf("flags after paths: exit %d\n%s\nstderr %s", code, out, stderr)
	}
	for _, args := range [][]string{{"scan", "--bogus", "."}, {"scan", "-j", "0", "."}, {"scan", "-j", "-1", "."}, {"scan", ".", "-j", "0"}, {"bogus"}, {"scan", "--fail-on", "sometimes", "."}} {
		out, stderr, code := runIn(t, dir, "", args...)
		lines := strings.Split(strings.TrimSpace(stderr), "\n")
		if code != 2 || out != "" || len(lines) != 2 || !strings.Contains(lines[1], "--help") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, stderr)
		}
	}
	out, _, _ = runIn(t, dir, "", "scan", "--help")
	for _, line := range strings.Split(out, "\n") {
		if strings.Count(line, "(default") > 1 {
			t.Errorf("help shows two defaults: %s", line)
		}
	}
	// An empty standard input is refused: it is what a failed command
	// before the pipe leaves.
	_, stderr, code = runIn(t, dir, "", "scan", "-")
	if code != 2 || !strings.Contains(stderr, "standard input is empty") {
		t.Errorf("empty stdin: exit %d, stderr %q", code, stderr)
	}
	// Ruff's spelling of a Bandit ID, as # noqa: S602 accepts.
	out, _, code = runIn(t, dir, "", "explain", "S602")
	if code != 0 || !strings.HasPrefix(out, "## B602") {
		t.Errorf("explain S602: exit %d\n%s", code, out)
	}
}

// A corrupt baseline says what is wrong in the user's words, with the file.
func TestCorruptBaseline(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "ok.py"), []byte("x = 1\n"), 0o644)
	for name, body := range map[string]string{"empty.json": "", "list.json": "[1, 2]\n", "cut.json": "{\"pyward_baseline\": 1, "} {
		os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644)
		_, stderr, code := runIn(t, dir, "", "scan", "--baseline", name, ".")
		if code != 2 || !strings.Contains(stderr, name) || strings.Contains(stderr, "EOF") || strings.Contains(stderr, "Go value") || !strings.Contains(stderr, "pyward baseline") {
			t.Errorf("%s: exit %d, stderr %q", name, code, stderr)
		}
	}
}

// Configuration mistakes stop the scan with the file and the line.
func TestConfigMistakesStopTheScan(t *testing.T) {
	for body, want := range map[string]string{
		"rules:\n  b602:\n    enabled: false\n":                               `.pyward.yaml:2: rules: unknown rule "b602" (did you mean "B602"?)`,
		"rules:\n  B999:\n    enabled: false\n":                               `.pyward.yaml:2: rules: unknown rule "B999"`,
		"trusted:\n  - paths: [\"*.py\"]\n    rules: [B6O3]\n    reason: x\n": `.pyward.yaml:3: trusted: unknown rule "B6O3" (did you mean "B603"?)`,
		"triggers:\n  blocked: [\"XX9*\"]\n":                                  `.pyward.yaml:2: triggers: blocked: "XX9*" matches no rule`,
		"rules:\n  B108:\n    options:\n      tmp_dirs: 3\n":                  `.pyward.yaml:3: rules: B108: rule B108 option "tmp_dirs": want a list of strings`,
	} {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, ".pyward.yaml"), []byte(body), 0o644)
		os.WriteFile(filepath.Join(dir, "ok.py"), []byte("x = 1\n"), 0o644)
		_, stderr, code := runIn(t, dir, "", "scan", ".")
		if code != 2 || !strings.Contains(stderr, want) {
			t.Errorf("%q: exit %d, stderr %q, want %s", body, code, stderr, want)
		}
	}
}

// --staged judges each staged file under its nearest configuration,
// whichever folder the hook runs from.
func TestStagedNearestConfiguration(t *testing.T) {
	dir := gittest.New(t, map[string]string{
		".pyward.yaml":     "fail-on: high\n",
		"lab/.pyward.yaml": "fail-on: never\n",
		"ok.py":            "x = 1\n",
	})
	gittest.Write(t, dir, "lab/try.py", "import os\nos.system(input())\n")
	gittest.Run(t, dir, "add", "lab/try.py")
	for _, cwd := range []string{"", "lab"} {
		if out, stderr, code := runIn(t, filepath.Join(dir, cwd), "", "scan", "--staged"); code != 0 {
			t.Errorf("from %q: lab/try.py is under lab's fail-on: never, exit %d\n%s%s", cwd, code, out, stderr)
		}
	}
	gittest.Write(t, dir, "svc/run.py", "import os\nos.system(input())\n")
	gittest.Run(t, dir, "add", "svc/run.py")
	for _, cwd := range []string{"", "lab"} {
		if _, _, code := runIn(t, filepath.Join(dir, cwd), "", "scan", "--staged"); code != 1 {
			t.Errorf("from %q: svc/run.py is under the root's fail-on: high, exit %d", cwd, code)
		}
	}
}

// A folder is walked into or not by the configuration that sees it (its
// parent's), even when it holds a configuration of its own.
func TestExcludedFolderWithItsOwnConfiguration(t *testing.T) {
	dir := gittest.New(t, map[string]string{
		".pyward.yaml":     "exclude: [\"gen/**\"]\n",
		"gen/.pyward.yaml": "fail-on: high\n",
		"gen/out.py":       "import os\nos.system(input())\n",
		"ok.py":            "x = 1\n",
	})
	out, stderr, code := runIn(t, dir, "", "scan", "--format", "json", ".")
	if r := parseReport(t, out); code != 0 || strings.Contains(r.paths(), "gen/") {
		t.Errorf("exit %d, judged %q; stderr %s", code, r.paths(), stderr)
	}
	// Named (as pre-commit does) or staged, it stays excluded.
	if out, _, code := runIn(t, dir, "", "scan", "gen/out.py"); code != 0 {
		t.Errorf("scan gen/out.py: exit %d\n%s", code, out)
	}
	gittest.Write(t, dir, "gen/out.py", "import os\nos.system(input())\neval(input())\n")
	gittest.Run(t, dir, "add", "gen/out.py")
	if out, _, code := runIn(t, dir, "", "scan", "--staged"); code != 0 {
		t.Errorf("scan --staged: exit %d\n%s", code, out)
	}
}
