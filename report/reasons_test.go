package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/pyward/pyward/assess"
	"github.com/pyward/pyward/config"
)

func judge(t *testing.T, path, src string) []assess.FileResult {
	t.Helper()
	a, err := assess.New(config.Default())
	if err != nil {
		t.Fatal(err)
	}
	return []assess.FileResult{a.File(assess.Input{Path: path, Data: []byte(src)})}
}

// The JSON says why each file got its level: the deciding findings with
// their points, the trigger, the policy and thresholds; each finding its
// trigger and whether it counted.
func TestJSONReasons(t *testing.T) {
	results := judge(t, "m.py", "import os\nimport base64\neval(a)\neval(b)\nos.system(cmd)\nexec(base64.b64decode(blob))\n")
	var buf bytes.Buffer
	if err := JSON(&buf, results, Options{FailOn: "high"}); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Files []struct {
			Level   string
			Score   int
			Reasons struct {
				Summary  string
				Deciding []struct {
					Rule    string
					Line    int
					Points  int
					Trigger string
				}
				Trigger    *struct{ Rule, Trigger string }
				Policy     string
				Thresholds map[string]int
				Scoring    struct {
					Repeats    string
					LowOnlyMax string `json:"low_only_max"`
				}
			}
			Findings []struct {
				Rule    string
				Trigger string
				Counted bool
				Points  int
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	f := got.Files[0]
	r := f.Reasons
	if f.Level != "BLOCKED" || r.Trigger == nil || r.Trigger.Rule != "PW101" || r.Trigger.Trigger != "blocked" {
		t.Errorf("level %s, trigger %+v", f.Level, r.Trigger)
	}
	if r.Policy != "standard" || r.Thresholds["HIGH"] != 7 || r.Thresholds["BLOCKED"] != 10 || r.Scoring.Repeats != "worst" || r.Scoring.LowOnlyMax != "MEDIUM" {
		t.Errorf("policy and thresholds: %+v", r)
	}
	sum := 0
	rules := map[string]bool{}
	for i, d := range r.Deciding {
		sum += d.Points
		if rules[d.Rule] {
			t.Errorf("rule %s decides twice", d.Rule)
		}
		rules[d.Rule] = true
		if i > 0 && d.Points > r.Deciding[i-1].Points {
			t.Errorf("deciding findings not by points: %+v", r.Deciding)
		}
	}
	if sum != f.Score || !rules["B605"] || !rules["PW101"] {
		t.Errorf("deciding %+v sum to %d, score %d", r.Deciding, sum, f.Score)
	}
	counted, evals := 0, 0
	for _, fd := range f.Findings {
		if fd.Rule == "B307" {
			evals++
			if fd.Counted {
				counted++
			}
		}
		if fd.Rule == "PW101" && fd.Trigger != "blocked" {
			t.Errorf("PW101 trigger %q", fd.Trigger)
		}
	}
	if evals != 2 || counted > 1 {
		t.Errorf("two evals, %d counted (want at most one: exec and eval count once together)", counted)
	}
	if !strings.Contains(r.Summary, "PW101") || !strings.Contains(r.Summary, "BLOCKED at 10") {
		t.Errorf("summary %q", r.Summary)
	}
	// A clean file has reasons too, with nothing deciding.
	buf.Reset()
	JSON(&buf, judge(t, "ok.py", "x = 1\n"), Options{FailOn: "high"})
	if !strings.Contains(buf.String(), `"deciding": []`) || !strings.Contains(buf.String(), `"policy": "standard"`) {
		t.Errorf("clean file reasons:\n%s", buf.String())
	}
}

// The text names the deciding findings first (a why: line under the
// file) and ends a blocked report with what to do next.
func TestTextWhyAndNextSteps(t *testing.T) {
	var buf bytes.Buffer
	results := judge(t, "m.py", "import os\n\ndef f(cmd):\n    os.system(cmd)\n    os.system('ls')\n")
	if err := Text(&buf, results, Options{FailOn: "high"}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) < 2 || !strings.HasPrefix(lines[1], "  why: HIGH: score 8 = B605 7 (line 4) + B607 1 (line 5, pinned to literals)") {
		t.Errorf("second line is not the why line:\n%s", buf.String())
	}
	tail := strings.Join(lines[len(lines)-5:], "\n")
	for _, want := range []string{"What to do next:", "fix m.py:4 B605:", "# pyward: ignore[B605] <reason>", "# nosec B605 <reason>", "pyward explain B605", "pyward baseline"} {
		if !strings.Contains(tail, want) {
			t.Errorf("last lines lack %q:\n%s", want, tail)
		}
	}
	buf.Reset()
	Text(&buf, judge(t, "ok.py", "x = 1\n"), Options{FailOn: "high"})
	if buf.String() != "pyward: 1 file checked, nothing to report.\n" {
		t.Errorf("clean: %q", buf.String())
	}
	buf.Reset()
	Text(&buf, judge(t, "ok.py", "x = 1\n"), Options{FailOn: "high", Quiet: true})
	if buf.String() != "" {
		t.Errorf("clean, quiet: %q", buf.String())
	}
}
