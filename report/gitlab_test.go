package report

import (
	"bytes"
	"encoding/json"
	"regexp"
	"testing"
	"time"

	"github.com/pyward/pyward/assess"
	"github.com/pyward/pyward/rules"
)

func gitlabResults(line int) []assess.FileResult {
	b602, pw102 := rules.Lookup("B602"), rules.Lookup("PW102")
	mk := func(r *rules.Rule, line int, fp string) assess.Scored {
		return assess.Scored{Finding: rules.Finding{Rule: r, Severity: r.Severity, Confidence: r.Confidence, Message: r.Message},
			Line: line, Column: 1, EndLine: line, EndColumn: 9, Points: 7, Fingerprint: fp}
	}
	suppressed := mk(b602, line+2, "fp-s")
	suppressed.Suppressed, suppressed.Justification = true, "vetted"
	dl := mk(pw102, line+1, "fp-d")
	dl.Trigger = "blocked"
	return []assess.FileResult{
		{Path: "pkg/run.py", Level: assess.LevelBlocked, Score: 14, Findings: []assess.Scored{mk(b602, line, "fp-a"), dl, suppressed}},
		{Path: "pkg/clean.py", Level: assess.LevelLow},
	}
}

func decode(t *testing.T, b []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
}

// TestGitLabSAST checks the security report field by field against what
// GitLab's schema 15.x requires: types, enumerations and the date-time
// pattern without a zone.
func TestGitLabSAST(t *testing.T) {
	var buf bytes.Buffer
	start := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	err := GitLabSAST(&buf, gitlabResults(3), Options{Version: "1.2.3", Report: rules.Low, Notices: []string{"bandit: not found"}},
		GitLabTimes{start, start.Add(2 * time.Second)})
	if err != nil {
		t.Fatal(err)
	}
	var rep map[string]any
	decode(t, buf.Bytes(), &rep)
	if rep["version"] != GitLabSASTVersion || !regexp.MustCompile(`^15\.\d+\.\d+$`).MatchString(GitLabSASTVersion) {
		t.Errorf("version %v", rep["version"])
	}
	scan := rep["scan"].(map[string]any)
	for _, k := range []string{"analyzer", "scanner"} {
		c := scan[k].(map[string]any)
		if c["id"] != "pyward" || c["name"] != "pyward" || c["version"] != "1.2.3" || c["vendor"].(map[string]any)["name"] != "pyward" {
			t.Errorf("scan.%s = %v", k, c)
		}
	}
	if scan["type"] != "sast" || scan["status"] != "success" || scan["start_time"] != "2026-12-01T10:00:00" || scan["end_time"] != "2026-12-01T10:00:02" {
		t.Errorf("scan = %v", scan)
	}
	if msgs := scan["messages"].([]any); len(msgs) != 1 || msgs[0].(map[string]any)["level"] != "warn" {
		t.Errorf("messages %v", msgs)
	}
	vulns := rep["vulnerabilities"].([]any)
	if len(vulns) != 2 {
		t.Fatalf("%d vulnerabilities, want 2 (the suppressed one left out):\n%s", len(vulns), buf.String())
	}
	uuid := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	sev := map[string]bool{"Critical": true, "High": true, "Medium": true, "Low": true, "Info": true, "Unknown": true}
	for _, v := range vulns {
		m := v.(map[string]any)
		if !uuid.MatchString(m["id"].(string)) || m["name"] == "" || m["description"] == "" || !sev[m["severity"].(string)] {
			t.Errorf("vulnerability %v", m)
		}
		loc := m["location"].(map[string]any)
		if loc["file"] != "pkg/run.py" || loc["start_line"].(float64) < 1 || loc["end_line"].(float64) < loc["start_line"].(float64) {
			t.Errorf("location %v", loc)
		}
		ids := m["identifiers"].([]any)
		var cwe bool
		for _, i := range ids {
			id := i.(map[string]any)
			for _, k := range []string{"type", "name", "value"} {
				if s, _ := id[k].(string); s == "" {
					t.Errorf("identifier without %s: %v", k, id)
				}
			}
			cwe = cwe || id["type"] == "cwe"
		}
		if !cwe {
			t.Errorf("no CWE identifier: %v", ids)
		}
	}
	if vulns[0].(map[string]any)["severity"] != "High" || vulns[1].(map[string]any)["severity"] != "Critical" {
		t.Errorf("severities %v / %v", vulns[0].(map[string]any)["severity"], vulns[1].(map[string]any)["severity"])
	}

	// The same findings on other lines keep their identifiers.
	buf.Reset()
	if err := GitLabSAST(&buf, gitlabResults(40), Options{Report: rules.Low}, GitLabTimes{start, start}); err != nil {
		t.Fatal(err)
	}
	var moved map[string]any
	decode(t, buf.Bytes(), &moved)
	if a, b := vulns[0].(map[string]any)["id"], moved["vulnerabilities"].([]any)[0].(map[string]any)["id"]; a != b {
		t.Errorf("id changed when the line moved: %v → %v", a, b)
	}
}

func TestGitLabCodeQuality(t *testing.T) {
	var buf bytes.Buffer
	if err := GitLabCodeQuality(&buf, gitlabResults(3), Options{Report: rules.Low}); err != nil {
		t.Fatal(err)
	}
	var issues []map[string]any
	decode(t, buf.Bytes(), &issues)
	if len(issues) != 2 {
		t.Fatalf("%d issues:\n%s", len(issues), buf.String())
	}
	sev := map[string]bool{"info": true, "minor": true, "major": true, "critical": true, "blocker": true}
	fps := map[string]bool{}
	for _, is := range issues {
		if s, _ := is["description"].(string); s == "" {
			t.Errorf("description %v", is)
		}
		if s, _ := is["check_name"].(string); s == "" {
			t.Errorf("check_name %v", is)
		}
		fp, _ := is["fingerprint"].(string)
		if fp == "" || fps[fp] {
			t.Errorf("fingerprint %q missing or repeated", fp)
		}
		fps[fp] = true
		if !sev[is["severity"].(string)] {
			t.Errorf("severity %v", is["severity"])
		}
		loc := is["location"].(map[string]any)
		if loc["path"] != "pkg/run.py" || loc["lines"].(map[string]any)["begin"].(float64) < 1 {
			t.Errorf("location %v", loc)
		}
	}
	if issues[0]["severity"] != "critical" || issues[1]["severity"] != "blocker" {
		t.Errorf("severities %v, %v", issues[0]["severity"], issues[1]["severity"])
	}
	// An empty scan is an empty array, not null: GitLab rejects null.
	buf.Reset()
	if err := GitLabCodeQuality(&buf, nil, Options{}); err != nil || bytes.TrimSpace(buf.Bytes())[0] != '[' {
		t.Errorf("empty report %q, %v", buf.String(), err)
	}
}
