package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/pyward/pyward/assess"
	"github.com/pyward/pyward/rules"
)

// TestLongLineWindow: a finding on a line of megabytes (a generated chain,
// minified code) shows a window around the flagged place, with the marker
// under it, not the whole line.
func TestLongLineWindow(t *testing.T) {
	line := "x = " + strings.Repeat("a.", 50000) + "eval(s)" + strings.Repeat(" + 1", 1000)
	col := strings.Index(line, "eval(") + 1
	r := rules.Lookup("B307")
	res := []assess.FileResult{{Path: "gen.py", Level: assess.LevelMedium, Score: 4, Findings: []assess.Scored{{
		Finding: rules.Finding{Rule: r, Severity: r.Severity, Confidence: r.Confidence, Message: r.Message},
		Line:    1, Column: col, EndLine: 1, EndColumn: col + len("eval(s)"), SourceLine: line, Points: 4,
	}}}}
	var buf bytes.Buffer
	if err := Text(&buf, res, Options{FailOn: "high", Report: rules.Low}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if len(out) > 2000 {
		t.Fatalf("the report prints %d bytes for one finding", len(out))
	}
	var shown, marker string
	for i, l := range strings.Split(out, "\n") {
		if strings.Contains(l, "eval(s)") && strings.HasPrefix(l, "    ") {
			shown = l
			marker = strings.Split(out, "\n")[i+1]
		}
	}
	at := strings.Index(marker, "^")
	if shown == "" || !strings.HasPrefix(shown, "    …") || !strings.HasSuffix(shown, "…") ||
		at < 0 || !strings.HasPrefix(string([]rune(shown)[at:]), "eval(s)") || strings.Count(marker, "^") != len("eval(s)") {
		t.Errorf("window:\n%q\n%q", shown, marker)
	}
}
