package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pyward/pyward/internal/gittest"
	"github.com/pyward/pyward/internal/sarifcheck"
)

// sarifLog is the part of a SARIF log these tests read.
type sarifLog struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Version, SemanticVersion string
			}
			Extensions []struct{ Name string }
		}
		AutomationDetails struct{ ID string }
		Invocations       []struct {
			ToolExecutionNotifications []struct {
				Level   string
				Message struct{ Text string }
			}
		}
		Results []struct {
			RuleID        string
			Level         string
			BaselineState string
			Rule          *struct{ ID string }
			CodeFlows     []struct {
				ThreadFlows []struct {
					Locations []json.RawMessage
				}
			}
			Suppressions []struct {
				Kind, Status, Justification string
			}
		}
	}
}

func readSARIF(t *testing.T, path string) sarifLog {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var l sarifLog
	if err := json.Unmarshal(b, &l); err != nil || len(l.Runs) != 1 {
		t.Fatalf("%s: %v", path, err)
	}
	return l
}

// TestSARIFPassesGitHubValidators runs the built binary on a repository
// with findings of every kind and has both validators GitHub's upload
// relies on check each log: upload-sarif's schema check and the SARIF
// Multitool with its GitHub rules (internal/sarifcheck). It also checks,
// in each log, that the findings of that kind are there as SARIF says.
func TestSARIFPassesGitHubValidators(t *testing.T) {
	v := sarifcheck.Need(t)
	if _, err := exec.LookPath("bandit"); err != nil {
		t.Skip("bandit not found: apt-get install bandit (.ci/run installs it)")
	}
	dir := gittest.New(t, map[string]string{
		".pyward.yaml": "trusted:\n  - {paths: [tools/*.py], rules: [B404, B603, B607], reason: vetted build tooling}\n",
		"pkg/run.py": "import subprocess\n" +
			"subprocess.call(cmd, shell=True)  # nosec B602 reviewed by the security team\n" +
			"import os\n" +
			"os.system(c)  # pyward: ignore[B605] fixed input only\n" +
			"os.popen(c)  # nosec\n",
		"tools/build.py": "import subprocess\nsubprocess.run([\"git\", \"status\"])\n",
		"pkg/flow.py":    "import os\nfrom flask import request\n\n\ndef view():\n    name = request.args.get(\"n\")\n    cmd = \"ls \" + name\n    os.system(cmd)\n",
		"pkg/old.py":     "print \"x\"\n",
		"pkg/legacy.py":  "import pickle\n\n\ndef load(data):\n    return pickle.loads(data)\n",
		"pkg/ask.py":     "name = input()\n",
	})
	out := t.TempDir()
	if _, stderr, code := inRepo(t, dir, "baseline", filepath.Join(out, "base.json"), "pkg/legacy.py"); code != 0 {
		t.Fatalf("baseline: %s", stderr)
	}
	scan := func(name string, args ...string) string {
		t.Helper()
		p := filepath.Join(out, name)
		_, stderr, code := inRepo(t, dir, append([]string{"scan", "--format", "json", "--sarif", p}, args...)...)
		if code == 2 {
			t.Fatalf("scan %v: %s", args, stderr)
		}
		return p
	}
	full := scan("full.sarif", "--engines", "native,bandit", "--baseline", filepath.Join(out, "base.json"), ".")

	// A partial scan of staged content, and one of a branch's changes.
	gittest.Write(t, dir, "pkg/new.py", "import os\nos.system(input())\n")
	gittest.Run(t, dir, "add", "pkg/new.py")
	staged := scan("staged.sarif", "--staged", "--engines", "native,bandit")
	gittest.Run(t, dir, "checkout", "-q", "-b", "topic")
	gittest.Run(t, dir, "commit", "-q", "-m", "new")
	changed := scan("changed.sarif", "--changed", "main")

	v.Check(t, []string{full, staged, changed})

	l := readSARIF(t, full)
	run := l.Runs[0]
	if !semverRE.MatchString(run.Tool.Driver.SemanticVersion) || run.Tool.Driver.Version == "" || run.Tool.Driver.Version[0] < '0' || run.Tool.Driver.Version[0] > '9' {
		t.Errorf("tool version %q, semanticVersion %q", run.Tool.Driver.Version, run.Tool.Driver.SemanticVersion)
	}
	kinds := map[string]bool{}
	for _, r := range run.Results {
		for _, s := range r.Suppressions {
			kinds[s.Kind+": "+s.Justification] = s.Status == "accepted"
		}
		if r.BaselineState == "unchanged" {
			kinds["baselined"] = true
		}
		if len(r.CodeFlows) > 0 {
			kinds["code flow "+r.RuleID] = true
		}
		if r.Rule != nil && strings.HasPrefix(r.Rule.ID, "bandit:") {
			kinds["extension rule"] = true
		}
		if r.RuleID == "PW000" {
			kinds["syntax error"] = true
		}
	}
	for _, want := range []string{
		"inSource: reviewed by the security team", "inSource: fixed input only",
		"inSource: suppressed by a comment that gives no reason", "external: trusted: vetted build tooling",
		"baselined", "code flow PW402", "extension rule", "syntax error",
	} {
		if !kinds[want] {
			t.Errorf("full scan: no %q result (accepted suppression) among %v", want, kinds)
		}
	}
	syntaxNote := false
	for _, n := range run.Invocations[0].ToolExecutionNotifications {
		syntaxNote = syntaxNote || (n.Level == "error" && strings.HasPrefix(n.Message.Text, "pkg/old.py:1:"))
	}
	if !syntaxNote {
		t.Errorf("no notification of pkg/old.py's syntax error: %+v", run.Invocations)
	}
	if len(run.Tool.Extensions) == 0 || run.Tool.Extensions[0].Name != "bandit" {
		t.Errorf("extensions %v", run.Tool.Extensions)
	}
	for name, p := range map[string]string{"staged": staged, "changed": changed} {
		if r := readSARIF(t, p).Runs[0]; r.AutomationDetails.ID == "pyward" || len(r.Results) == 0 {
			t.Errorf("%s scan: category %q, %d results; want its own category and the new finding", name, r.AutomationDetails.ID, len(r.Results))
		}
	}
}

var semverRE = regexp.MustCompile(`^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$`)

// TestSARIFWithinGitHubLimits: a real scan past GitHub's limit of 25,000
// results per run gives a log within it that keeps the most severe
// results, says what it left out, and still passes both validators. (A
// code flow cannot pass GitHub's 10,000 steps: the data flow keeps the
// last steps of a path; sarif's TestLimitsKeepTheMostSevere covers that
// guard.)
func TestSARIFWithinGitHubLimits(t *testing.T) {
	v := sarifcheck.Need(t)
	dir := t.TempDir()
	const low, high = 20000, 6000
	var src strings.Builder
	src.WriteString("import os\n")
	for i := range low + high {
		if i%(low/high+1) == 0 && i/(low/high+1) < high {
			src.WriteString("os.system(c)\n")
		} else {
			src.WriteString("assert c\n")
		}
	}
	os.WriteFile(filepath.Join(dir, "many.py"), []byte(src.String()), 0o644)
	p := filepath.Join(dir, "out.sarif")
	jsonOut, stderr, code := runBinary(t, dir, nil, "", "scan", "--format", "json", "--sarif", p, "many.py")
	if code == 2 {
		t.Fatalf("scan: %s", stderr)
	}
	var rep struct{ Summary struct{ Findings int } }
	json.Unmarshal([]byte(jsonOut), &rep)
	if rep.Summary.Findings <= 25000 {
		t.Fatalf("the scan found %d findings: the test needs more than 25,000", rep.Summary.Findings)
	}
	run := readSARIF(t, p).Runs[0]
	counts := map[string]int{}
	for _, r := range run.Results {
		counts[r.Level]++
	}
	if len(run.Results) != 25000 || counts["error"] < high {
		t.Errorf("%d results (%v) of %d findings: want 25,000 with every HIGH one", len(run.Results), counts, rep.Summary.Findings)
	}
	var notes []string
	for _, n := range run.Invocations[0].ToolExecutionNotifications {
		notes = append(notes, n.Message.Text)
	}
	all := strings.Join(notes, "\n")
	if !strings.Contains(all, fmt.Sprintf("%d of %d results are left out", rep.Summary.Findings-25000, rep.Summary.Findings)) || !strings.Contains(all, "LOW") {
		t.Errorf("no notification of the results left out:\n%s", all)
	}
	// GH1004 is GitHub's display default of 1,000 results, which a
	// repository can raise; the upload limit is 25,000.
	v.Check(t, []string{p}, regexp.MustCompile(`^GH1004: runs\[0\]\.results: This array contains 25000 element`))
}

// TestSARIFFileHonoursUmask: the SARIF file is written atomically but with
// the mode any new file gets (0666 less the umask), not a temporary file's
// 0600, so that the group uploading it can read it.
func TestSARIFFileHonoursUmask(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("sh not found")
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.py"), []byte("import os\nos.system(c)\n"), 0o644)
	for umask, want := range map[string]os.FileMode{"022": 0o644, "027": 0o640, "002": 0o664} {
		p := filepath.Join(dir, "out-"+umask+".sarif")
		cmd := exec.Command("sh", "-c", `umask "$1"; exec "$2" scan --sarif "$3" a.py`, "sh", umask, binary, p)
		cmd.Dir = dir
		if msg, err := cmd.CombinedOutput(); err != nil && cmd.ProcessState.ExitCode() != 1 {
			t.Fatalf("scan: %v\n%s", err, msg)
		}
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != want {
			t.Errorf("umask %s: mode %v, want %v", umask, fi.Mode().Perm(), want)
		}
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".pyward-*")); len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}
