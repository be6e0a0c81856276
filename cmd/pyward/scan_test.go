package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files of the scan tests")

// golden compares got with testdata/scan/NAME, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	p := filepath.Join("testdata", "scan", name)
	if *update {
		if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

// inProject runs pyward from the fixture project, where .pyward.yaml lives.
func inProject(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	if err := os.Chdir(filepath.Join("testdata", "scan", "project")); err != nil {
		t.Fatal(err)
	}
	return pyward(t, stdin, args...)
}

func TestScanFormats(t *testing.T) {
	t.Setenv("GITHUB_STEP_SUMMARY", filepath.Join(t.TempDir(), "summary.md"))
	for _, format := range []string{"text", "json", "github", "sarif"} {
		out, stderr, code := inProject(t, "", "scan", "--format", format, ".")
		if code != 1 {
			t.Errorf("%s: exit %d, want 1 (risky.py is BLOCKED); stderr %q", format, code, stderr)
		}
		golden(t, "project."+format, strings.ReplaceAll(out, Version(), "VERSION"))
	}
}

func TestScanExitStatus(t *testing.T) {
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"scan", "pkg/safe.py"}, 0},
		{[]string{"scan", "pkg/risky.py"}, 1},
		{[]string{"scan", "--fail-on", "never", "pkg/risky.py"}, 0},
		{[]string{"scan", "--fail-on", "blocked", "pkg/suppressed.py"}, 0},
		{[]string{"scan", "--ignore-suppressions", "pkg/suppressed.py"}, 1},
		{[]string{"scan", "pkg/legacy.py"}, 1},
		{[]string{"scan", "pkg/tool"}, 0},
		{[]string{"scan", "pkg/README.txt"}, 0},
		{[]string{"scan", "missing.py"}, 2},
		{[]string{"scan", "--fail-on", "sometimes", "."}, 2},
		{[]string{"scan", "--format", "xml", "."}, 2},
		{[]string{"scan", "--config", "does-not-exist.yaml", "."}, 2},
	}
	for _, tc := range tests {
		_, stderr, code := inProject(t, "", tc.args...)
		if code != tc.want {
			t.Errorf("%v: exit %d, want %d; stderr %q", tc.args, code, tc.want, stderr)
		}
	}
}

func TestScanSuppressionsOnMultiLineStatements(t *testing.T) {
	out, _, _ := inProject(t, "", "scan", "--format", "json", "pkg/suppressed.py")
	for _, want := range []string{
		`"justification": "cmd comes from our own constants"`,
		`"justification": "reviewed"`,
		`"score": 0`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %s in\n%s", want, out)
		}
	}
	if strings.Count(out, `"suppressed": true`) != 3 {
		t.Errorf("want 3 suppressed findings:\n%s", out)
	}
}

func TestScanStdin(t *testing.T) {
	out, _, code := pyward(t, "import os\nos.system(cmd)\n", "scan", "--format", "json", "--stdin-filename", "agent/check.py", "-")
	if code != 1 || !strings.Contains(out, `"path": "agent/check.py"`) || !strings.Contains(out, `"rule": "B605"`) {
		t.Errorf("exit %d\n%s", code, out)
	}
}

func TestScanConfigErrors(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "bad.yaml")
	os.WriteFile(cfg, []byte("policy: standard\nfail_on: high\n"), 0o644)
	_, stderr, code := pyward(t, "", "scan", "--config", cfg, dir)
	if code != 2 || !strings.Contains(stderr, cfg+`:2: unknown key "fail_on" (did you mean "fail-on"?)`) {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// TestRulesDocIsFresh fails when docs/rules.md is not what
// `pyward rules --format markdown` generates from the rule metadata.
func TestRulesDocIsFresh(t *testing.T) {
	out, _, code := pyward(t, "", "rules", "--format", "markdown")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "docs", "rules.md"))
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Error("docs/rules.md is stale: run  go run ./cmd/pyward rules --format markdown > docs/rules.md")
	}
}

func TestExplainAndConfig(t *testing.T) {
	out, _, code := pyward(t, "", "explain", "B602")
	if code != 0 || !strings.HasPrefix(out, "## B602") || !strings.Contains(out, "**Fix:**") {
		t.Errorf("explain B602: exit %d\n%s", code, out)
	}
	if _, stderr, code := pyward(t, "", "explain", "B999"); code != 2 || !strings.Contains(stderr, `no rule "B999"`) {
		t.Errorf("explain B999: exit %d, %q", code, stderr)
	}
	out, _, code = inProject(t, "", "config")
	if code != 0 || !strings.Contains(out, "# fail-on: from ") || !strings.Contains(out, ".pyward.yaml\nfail-on: high") || !strings.Contains(out, "# levels: from default") {
		t.Errorf("config: exit %d\n%s", code, out)
	}
}

func TestScanGitHubSummary(t *testing.T) {
	summary := filepath.Join(t.TempDir(), "summary.md")
	t.Setenv("GITHUB_STEP_SUMMARY", summary)
	out, _, code := inProject(t, "", "scan", "--format", "github", "pkg/risky.py")
	b, err := os.ReadFile(summary)
	if code != 1 || err != nil || !strings.Contains(string(b), "## pyward: **blocked**") || !strings.Contains(string(b), "| B605 |") {
		t.Errorf("exit %d, summary %q (%v)", code, b, err)
	}
	// Most severe first: the HIGH findings come before the LOW import.
	if i, j := strings.Index(out, "::error"), strings.Index(out, "::notice"); i < 0 || j < 0 || i > j {
		t.Errorf("annotations not most severe first:\n%s", out)
	}
}

// TestSecretsNeverPrinted: a secret is reported in every format, also in
// a file that does not parse and in configuration files (.env, YAML),
// and its value appears in none of them.
func TestSecretsNeverPrinted(t *testing.T) {
	dir := t.TempDir()
	secret := "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" // its CRC-32 checksum holds
	os.WriteFile(filepath.Join(dir, "ok.py"), []byte("TOKEN = '"+secret+"'\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "broken.py"), []byte("def f(:\n    token = '"+secret+"'\n"), 0o644)
	// Configuration files: judged by the secret rules only.
	others := map[string]string{
		".env":        "GITHUB_TOKEN=" + secret + "\nDATABASE_URL=postgresql://app:Zt9fQw4Lr0Vx@db:5432/app\n",
		"deploy.yaml": "env:\n  NPM_TOKEN: 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\n  HF_TOKEN: \"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\"\n",
	}
	for name, text := range others {
		os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
	}
	hidden := []string{"Zt9fQw4Lr0Vx", "U9aIh3cNSLMIxral4oc8", "gJfdImqZKAbbhRiXFBgd"}
	for _, format := range []string{"text", "json", "sarif", "github"} {
		t.Setenv("GITHUB_STEP_SUMMARY", filepath.Join(dir, "summary-"+format+".md"))
		out, stderr, code := pyward(t, "", "scan", "--format", format, "--fail-on", "never", dir)
		if code != 0 {
			t.Fatalf("%s: exit %d %s", format, code, stderr)
		}
		if strings.Contains(out, secret) || strings.Contains(out, secret[4:20]) {
			t.Errorf("%s output shows the secret:\n%s", format, out)
		}
		if n := strings.Count(out, "PW303"); n < 3 {
			t.Errorf("%s: PW303 reported %d times, want it in the three files:\n%s", format, n, out)
		}
		for _, h := range hidden {
			if strings.Contains(out, h) {
				t.Errorf("%s output shows the secret %s…:\n%s", format, h[:4], out)
			}
		}
		for _, id := range []string{"PW313", "PW329", "PW325"} {
			if !strings.Contains(out, id) {
				t.Errorf("%s: %s not reported in the configuration files:\n%s", format, id, out)
			}
		}
		if format == "github" {
			b, _ := os.ReadFile(filepath.Join(dir, "summary-github.md"))
			if strings.Contains(string(b), secret[4:20]) {
				t.Errorf("step summary shows the secret")
			}
		}
	}
	// Nor does a baseline, whose fingerprints are taken from the redacted
	// lines.
	base := filepath.Join(t.TempDir(), "baseline.json")
	if _, stderr, code := pyward(t, "", "baseline", base, dir); code != 0 {
		t.Fatalf("baseline: exit %d %s", code, stderr)
	}
	b, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "PW329") || !strings.Contains(string(b), "PW313") {
		t.Errorf("the baseline does not record the configuration files' findings:\n%s", b)
	}
	for _, h := range append(hidden, secret[4:20]) {
		if strings.Contains(string(b), h) {
			t.Errorf("the baseline holds the secret %s…", h[:4])
		}
	}
}

// TestAgentChecker: an agent pipes generated code to `pyward scan
// --policy strict -` before running it; process calls block, plain code
// passes, a bad policy is a usage error.
func TestAgentChecker(t *testing.T) {
	if _, _, code := pyward(t, "import subprocess\nsubprocess.run(['ls'])\n", "scan", "--policy", "strict", "--format", "json", "-"); code != 1 {
		t.Errorf("strict, process call: exit %d, want 1", code)
	}
	if _, _, code := pyward(t, "import subprocess\nsubprocess.run(['ls'])\n", "scan", "--format", "json", "-"); code != 0 {
		t.Errorf("standard, process call: exit %d, want 0", code)
	}
	if _, _, code := pyward(t, "print(sum([1, 2]))\n", "scan", "--policy", "strict", "-"); code != 0 {
		t.Errorf("strict, plain code: exit %d, want 0", code)
	}
	if _, stderr, code := pyward(t, "", "scan", "--policy", "lax", "-"); code != 2 || !strings.Contains(stderr, `unknown policy "lax"`) {
		t.Errorf("bad policy: exit %d %q", code, stderr)
	}
}

// TestDataFlowPathInEveryFormat: a PW4xx finding shows its path from
// source to sink in text, JSON and SARIF (as a code flow).
func TestDataFlowPathInEveryFormat(t *testing.T) {
	src := "import os\n\ndef run():\n    name = input()\n    cmd = 'ls ' + name\n    os.system(cmd)\n"
	text, _, _ := pyward(t, src, "scan", "--stdin-filename", "flow.py", "-")
	if !strings.Contains(text, "path: line 4 input() → line 4 assigned to name → line 5 assigned to cmd → line 6 run by os.system") {
		t.Errorf("text report without the path:\n%s", text)
	}
	js, _, _ := pyward(t, src, "scan", "--format", "json", "--stdin-filename", "flow.py", "-")
	if !strings.Contains(js, `"path": [`) || !strings.Contains(js, `"note": "input()"`) {
		t.Errorf("JSON without the path:\n%s", js)
	}
	sf, _, _ := pyward(t, src, "scan", "--format", "sarif", "--stdin-filename", "flow.py", "-")
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				CodeFlows []struct {
					ThreadFlows []struct {
						Locations []struct {
							Location struct {
								Message          struct{ Text string }
								PhysicalLocation struct {
									Region struct{ StartLine int }
								}
							}
						}
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(sf), &log); err != nil {
		t.Fatal(err)
	}
	var steps []string
	for _, r := range log.Runs[0].Results {
		if r.RuleID == "PW402" && len(r.CodeFlows) == 1 && len(r.CodeFlows[0].ThreadFlows) == 1 {
			for _, l := range r.CodeFlows[0].ThreadFlows[0].Locations {
				steps = append(steps, fmt.Sprintf("%d %s", l.Location.PhysicalLocation.Region.StartLine, l.Location.Message.Text))
			}
		}
	}
	if strings.Join(steps, "; ") != "4 input(); 4 assigned to name; 5 assigned to cmd; 6 run by os.system" {
		t.Errorf("SARIF code flow %q", steps)
	}
}
