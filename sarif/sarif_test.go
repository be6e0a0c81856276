package sarif

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyward/pyward/assess"
	"github.com/pyward/pyward/config"
	"github.com/pyward/pyward/internal/sarifcheck"
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

// TestValidators: the log passes upload-sarif's schema check and the SARIF
// Multitool with its GitHub rules (internal/sarifcheck, which first proves
// both report broken logs).
func TestValidators(t *testing.T) {
	v := sarifcheck.Need(t)
	a, _ := assess.New(config.Default())
	results := a.Run([]assess.Input{
		{Path: "pkg/run.py", Data: []byte("import subprocess\nsubprocess.call(cmd, shell=True)  # nosec B602 reviewed\nimport os\nos.system(c)\n")},
		{Path: "pkg/old.py", Data: []byte("print 'x'\n")},
		{Path: "notes.txt", Err: "not a Python file"},
	}, 1)
	p := filepath.Join(t.TempDir(), "log.sarif")
	if err := WriteFile(p, results, Options{Version: "dev", Category: "pyward", HelpURI: "https://example.invalid/rules.md"}); err != nil {
		t.Fatal(err)
	}
	v.Check(t, []string{p})
}

// TestSuppressionsWithoutNull: every suppression carries its kind, status
// and reason, and nothing in the log is null (go-sarif v2 wrote four nulls
// per suppression, which upload-sarif rejects).
func TestSuppressionsWithoutNull(t *testing.T) {
	cfg := config.Default()
	cfg.Trusted = append(cfg.Trusted, config.Trusted{Paths: []string{"tools/*.py"}, Rules: []string{"B605"}, Reason: "vetted build tooling"})
	a, err := assess.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	results := a.Run([]assess.Input{
		{Path: "pkg/run.py", Data: []byte("import os\nos.system(c)  # nosec B605 reviewed by the security team\nos.popen(c)  # nosec\nos.system(d)  # pyward: ignore[B605] constant command\n")},
		{Path: "tools/t.py", Data: []byte("import os\nos.system(c)\n")},
	}, 1)
	var buf bytes.Buffer
	if err := Write(&buf, results, Options{Version: "v1.2.3"}); err != nil {
		t.Fatal(err)
	}
	if nulls := sarifcheck.Nulls(buf.Bytes()); len(nulls) > 0 {
		t.Errorf("nulls at %v", nulls)
	}
	var log map[string]any
	json.Unmarshal(buf.Bytes(), &log)
	got := map[string]bool{}
	for _, r := range get(log, "runs", 0, "results").([]any) {
		if s, ok := get(r, "suppressions").([]any); ok {
			for _, x := range s {
				if get(x, "status") != "accepted" {
					t.Errorf("suppression %v: status", x)
				}
				got[fmt.Sprint(get(x, "kind"), ": ", get(x, "justification"))] = true
			}
		}
	}
	for _, want := range []string{"inSource: reviewed by the security team", "inSource: constant command", "inSource: suppressed by a comment that gives no reason", "external: trusted: vetted build tooling"} {
		if !got[want] {
			t.Errorf("no suppression %q in %v", want, got)
		}
	}
}

func TestToolVersion(t *testing.T) {
	for in, want := range map[string][2]string{
		"v1.2.3":                             {"1.2.3", "1.2.3"},
		"1.2.3":                              {"1.2.3", "1.2.3"},
		"dev":                                {"0.0.0-dev", "0.0.0-dev"},
		"":                                   {"0.0.0-dev", "0.0.0-dev"},
		"v0.0.0-20260101000000-abcdef123456": {"0.0.0-20260101000000-abcdef123456", "0.0.0-20260101000000-abcdef123456"},
		"v1.2.3+dirty":                       {"1.2.3+dirty", "1.2.3+dirty"},
		"v1.2":                               {"1.2", ""},
		"main branch":                        {"0.0.0-main-branch", "0.0.0-main-branch"},
	} {
		v, s := toolVersion(in)
		if v != want[0] || s != want[1] {
			t.Errorf("toolVersion(%q) = %q, %q; want %q, %q", in, v, s, want[0], want[1])
		}
	}
}

// TestLimitsKeepTheMostSevere checks the choice of what is left out, with
// limits small enough to see it (the real ones are exercised on the binary
// by cmd/pyward's TestSARIFWithinGitHubLimits).
func TestLimitsKeepTheMostSevere(t *testing.T) {
	a, _ := assess.New(config.Default())
	var src strings.Builder
	src.WriteString("import os\n")
	for range 5 {
		src.WriteString("assert c\nos.system(c)\nos.system(c)  # nosec\n")
	}
	results := a.Run([]assess.Input{{Path: "a.py", Data: []byte(src.String())}}, 1)
	count := func(log *Log) map[string]int {
		n := map[string]int{}
		for _, r := range log.results {
			key := r.severity.String()
			if r.suppressed {
				key += " suppressed"
			}
			n[key]++
		}
		return n
	}
	log, err := build(results, Options{}, limits{results: 8, threadFlowLocations: 10, gzipBytes: 10 << 20})
	if err != nil {
		t.Fatal(err)
	}
	// 5 HIGH, 5 LOW, 5 HIGH suppressed: the unsuppressed HIGH ones first,
	// then LOW, the suppressed last.
	if n := count(log); len(log.results) != 8 || n["HIGH"] != 5 || n["LOW"] != 3 {
		t.Errorf("kept %v", n)
	}
	b, _ := log.JSON()
	if !strings.Contains(string(b), "7 of 15 results are left out (GitHub accepts 8 results per run): 5 HIGH, 2 LOW") {
		t.Errorf("notification missing:\n%s", b)
	}
	// The kept results stay in report order.
	last := 0
	for _, r := range log.results {
		line := *r.Locations[0].PhysicalLocation.Region.StartLine
		if line < last {
			t.Errorf("results out of order: line %d after %d", line, last)
		}
		last = line
	}

	// The gzipped size: a limit below the full log's size, for a scan
	// whose results outweigh the rules' descriptions.
	src.Reset()
	src.WriteString("import os\n")
	for range 500 {
		src.WriteString("assert c\nos.system(c)\n")
	}
	results = a.Run([]assess.Input{{Path: "a.py", Data: []byte(src.String())}}, 1)
	full, _ := build(results, Options{}, githubLimits)
	fb, _ := full.JSON()
	whole, _ := gzipSize(fb)
	lim := limits{results: 25000, threadFlowLocations: 10, gzipBytes: whole * 3 / 4}
	small, err := build(results, Options{}, lim)
	if err != nil {
		t.Fatal(err)
	}
	sb, _ := small.JSON()
	// Smaller, not empty, and LOW results go before any HIGH one does.
	n := count(small)
	if size, _ := gzipSize(sb); size > lim.gzipBytes || len(small.results) == 0 || len(small.results) >= 1000 || (n["LOW"] > 0 && n["HIGH"] != 500) {
		t.Errorf("gzip limit %d: %d bytes, kept %v", lim.gzipBytes, size, count(small))
	}
	if !strings.Contains(string(sb), "bytes of gzipped SARIF") || strings.Count(string(sb), "results are left out") != 1 {
		t.Errorf("gzip limit: want one notification of what was left out:\n%s", sb)
	}
}

// TestLimitsShortenLongCodeFlows: a code flow past the limit of steps keeps
// its first steps and the sink, and the log says so. (pyward's data flow
// keeps at most a few steps, so only a lowered limit reaches this.)
func TestLimitsShortenLongCodeFlows(t *testing.T) {
	a, _ := assess.New(config.Default())
	src := "import os\n\n\ndef f():\n    x0 = input()\n    x1 = x0\n    x2 = x1\n    x3 = x2\n    os.system(x3)\n"
	results := a.Run([]assess.Input{{Path: "a.py", Data: []byte(src)}}, 1)
	log, err := build(results, Options{}, limits{results: 100, threadFlowLocations: 3, gzipBytes: 10 << 20})
	if err != nil {
		t.Fatal(err)
	}
	flows := 0
	for _, r := range log.results {
		for _, cf := range r.CodeFlows {
			locs := cf.ThreadFlows[0].Locations
			flows++
			if len(locs) != 3 || !strings.HasPrefix(*locs[2].Location.Message.Text, "run by") {
				t.Errorf("%d steps, last %q", len(locs), *locs[len(locs)-1].Location.Message.Text)
			}
		}
	}
	b, _ := log.JSON()
	if flows != 1 || !strings.Contains(string(b), "SARIF limit (code flows): 1 results have more than 3 steps") {
		t.Errorf("%d flows; notification missing:\n%s", flows, b)
	}
}
