package sarif

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyward/pyward/assess"
	"github.com/pyward/pyward/config"
)

func scanLog(t *testing.T) map[string]any {
	t.Helper()
	a, _ := assess.New(config.Default())
	results := a.Run([]assess.Input{
		{Path: "pkg/run.py", Data: []byte("import subprocess\nsubprocess.call(cmd, shell=True)  # nosec B602 reviewed\nimport os\nos.system(c)\n")},
		{Path: "pkg/old.py", Data: []byte("print 'x'\n")},
		{Path: "notes.txt", Err: "not a Python file"},
	}, 1)
	var buf bytes.Buffer
	if err := Write(&buf, results, Options{Version: "1.0.0", Category: "pyward", HelpURI: "https://example.invalid/rules.md"}); err != nil {
		t.Fatal(err)
	}
	var log map[string]any
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	return log
}

func get(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			v = v.(map[string]any)[k]
		case int:
			v = v.([]any)[k]
		}
	}
	return v
}

// TestLogStructure checks what DESIGN.md requires of the log.
func TestLogStructure(t *testing.T) {
	log := scanLog(t)
	if get(log, "version") != "2.1.0" {
		t.Errorf("version %v", get(log, "version"))
	}
	run := get(log, "runs", 0)
	if get(run, "tool", "driver", "name") != "pyward" || get(run, "automationDetails", "id") != "pyward" {
		t.Error("driver name or automationDetails.id missing")
	}
	rules := get(run, "tool", "driver", "rules").([]any)
	ids := map[string]int{}
	for i, r := range rules {
		for _, field := range []string{"shortDescription", "fullDescription", "help", "helpUri"} {
			if get(r, field) == nil {
				t.Errorf("rule %v lacks %s", get(r, "id"), field)
			}
		}
		if get(r, "help", "markdown") == nil || get(r, "properties", "security-severity") == nil {
			t.Errorf("rule %v lacks help.markdown or security-severity", get(r, "id"))
		}
		tags := get(r, "properties", "tags").([]any)
		if get(r, "id") != "PW000" && !strings.HasPrefix(tags[len(tags)-1].(string), "external/cwe/cwe-") {
			t.Errorf("rule %v has no CWE tag: %v", get(r, "id"), tags)
		}
		ids[get(r, "id").(string)] = i
	}
	results := get(run, "results").([]any)
	suppressed := 0
	for _, r := range results {
		id := get(r, "ruleId").(string)
		if int(get(r, "ruleIndex").(float64)) != ids[id] {
			t.Errorf("%s: ruleIndex %v, rule is at %d", id, get(r, "ruleIndex"), ids[id])
		}
		loc := get(r, "locations", 0, "physicalLocation")
		if get(loc, "artifactLocation", "uriBaseId") != "%SRCROOT%" || strings.HasPrefix(get(loc, "artifactLocation", "uri").(string), "/") {
			t.Errorf("%s: artifact location %v", id, get(loc, "artifactLocation"))
		}
		if get(loc, "region", "startLine") == nil || get(r, "partialFingerprints") == nil {
			t.Errorf("%s: no region or partialFingerprints", id)
		}
		if s := get(r, "suppressions"); s != nil {
			suppressed++
			if get(s, 0, "kind") != "inSource" || get(s, 0, "justification") != "reviewed" {
				t.Errorf("suppression %v", s)
			}
		}
	}
	if suppressed != 1 {
		t.Errorf("%d suppressed results, want 1", suppressed)
	}
	inv := get(run, "invocations", 0)
	if get(inv, "executionSuccessful") != true || len(get(inv, "toolExecutionNotifications").([]any)) != 2 {
		t.Errorf("invocation %v: want success and two notifications (syntax error, skipped file)", inv)
	}
}

// TestFingerprintSurvivesMovedLines: the same finding one line lower keeps
// its fingerprint.
func TestFingerprintSurvivesMovedLines(t *testing.T) {
	a, _ := assess.New(config.Default())
	r1 := a.File(assess.Input{Path: "a.py", Data: []byte("import os\nos.system(c)\n")})
	r2 := a.File(assess.Input{Path: "a.py", Data: []byte("import os\n\n\nos.system(c)\n")})
	f1, f2 := r1.Findings[0].Fingerprint, r2.Findings[0].Fingerprint
	if f1 != f2 || r1.Findings[0].Line == r2.Findings[0].Line {
		t.Errorf("fingerprints %s %s for lines %d %d", f1, f2, r1.Findings[0].Line, r2.Findings[0].Line)
	}
}

// TestMultitoolValidation runs the SARIF Multitool's validation with its
// GitHub rules when the Multitool is installed (PYWARD_SARIF_MULTITOOL or
// Sarif.Multitool on PATH). It first proves the validator rejects a broken
// log, so that a validator that checks nothing cannot pass the test.
func TestMultitoolValidation(t *testing.T) {
	tool := os.Getenv("PYWARD_SARIF_MULTITOOL")
	if tool == "" {
		tool, _ = exec.LookPath("Sarif.Multitool")
	}
	if tool == "" {
		t.Skip("SARIF Multitool not found: npm install @microsoft/sarif-multitool-linux and set PYWARD_SARIF_MULTITOOL to its Sarif.Multitool")
	}
	dir := t.TempDir()
	validate := func(log map[string]any) int {
		b, _ := json.Marshal(log)
		in := filepath.Join(dir, "in.sarif")
		out := filepath.Join(dir, "out.sarif")
		os.WriteFile(in, b, 0o644)
		os.Remove(out)
		cmd := exec.Command(tool, "validate", "--rule-kind", "Gh;Sarif", "--output", out, in)
		cmd.Env = append(os.Environ(), "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1")
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("multitool: %v\n%s", err, msg)
		}
		var res map[string]any
		b, _ = os.ReadFile(out)
		if err := json.Unmarshal(b, &res); err != nil {
			t.Fatalf("multitool output: %v", err)
		}
		n := 0
		for _, r := range get(res, "runs", 0, "results").([]any) {
			if lvl, _ := get(r, "level").(string); lvl == "error" || lvl == "" {
				n++
			}
		}
		return n
	}
	broken := scanLog(t)
	delete(get(broken, "runs", 0, "results", 0).(map[string]any), "locations")
	delete(broken, "version")
	if validate(broken) == 0 {
		t.Skip("the SARIF Multitool at " + tool + " reports nothing even for a log without a version: it loaded no validation rules (seen with @microsoft/sarif-multitool-linux 5.7.0), so it cannot check ours")
	}
	if n := validate(scanLog(t)); n != 0 {
		t.Errorf("SARIF Multitool: %d errors in pyward's log", n)
	}
}
