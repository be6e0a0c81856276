package assess

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pyward/pyward/config"
)

func assess(t *testing.T, cfg *config.Config, path, src string) FileResult {
	t.Helper()
	a, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return a.File(Input{Path: path, Data: []byte(src)})
}

// The seed verdicts of the issue: plainly safe code scores 0 and is LOW;
// shell commands built from variables through os.system and subprocess
// with shell=True make the file BLOCKED.
func TestSeedVerdicts(t *testing.T) {
	safe := assess(t, config.Default(), "safe.py", "import json\n\ndef load(path):\n    with open(path) as f:\n        return json.load(f)\n")
	if safe.Score != 0 || safe.Level != LevelLow || len(safe.Findings) != 0 {
		t.Errorf("safe code: score %d, level %s, findings %v", safe.Score, safe.Level, safe.Findings)
	}
	risky := assess(t, config.Default(), "risky.py", "import os\nimport subprocess\n\ndef clean(target):\n    os.system('rm -rf ' + target)\n    subprocess.call('tar czf ' + target, shell=True)\n")
	if risky.Level != LevelBlocked {
		t.Errorf("shell commands from variables: level %s (score %d), want BLOCKED", risky.Level, risky.Score)
	}
	evil := assess(t, config.Default(), "calc.py", "x = input()\neval(x)\ncode = input('code: ')\nexec(code)\n")
	if evil.Level != LevelBlocked {
		t.Errorf("input() to eval and exec: level %s (score %d), want BLOCKED", evil.Level, evil.Score)
	}
	// The report says why: the data-flow findings with their path.
	var flows int
	for _, f := range evil.Findings {
		if f.Rule.ID == "PW401" {
			flows++
			if len(f.Flow) < 2 || f.Points == 0 {
				t.Errorf("PW401 finding without its path or points: %+v", f)
			}
		}
	}
	if flows != 2 {
		t.Errorf("%d PW401 findings, want 2 (eval and exec): %+v", flows, evil.Findings)
	}
	// A malicious-code finding blocks by itself (the PW1 trigger).
	dropper := assess(t, config.Default(), "x.py", "import base64\nexec(base64.b64decode(blob))\n")
	if dropper.Level != LevelBlocked {
		t.Errorf("exec of decoded data: level %s", dropper.Level)
	}
	for _, f := range dropper.Findings {
		if f.Rule.ID == "PW101" && f.Trigger != "blocked" {
			t.Errorf("PW101 trigger %q, want blocked", f.Trigger)
		}
	}
}

func TestScoring(t *testing.T) {
	// B404 (LOW/HIGH) = 1 point, B605 literal command (LOW/HIGH) = 1, B607 (LOW/HIGH) = 1.
	r := assess(t, config.Default(), "a.py", "import subprocess\nimport os\nos.system('ls')\n")
	if r.Score != 3 || r.Level != LevelLow {
		t.Errorf("score %d level %s, want 3 LOW: %+v", r.Score, r.Level, r.Findings)
	}
	// B605 with a variable: HIGH/HIGH = 7 → HIGH.
	r = assess(t, config.Default(), "b.py", "import os as o\no.system(cmd)\n")
	if r.Score != 7 || r.Level != LevelHigh {
		t.Errorf("score %d level %s, want 7 HIGH", r.Score, r.Level)
	}
	// A suppressed finding scores nothing but is kept, with its reason.
	r = assess(t, config.Default(), "c.py", "import os\nos.system(cmd)  # pyward: ignore[B605] cmd is a constant\n")
	if r.Score != 0 || len(r.Findings) != 1 || !r.Findings[0].Suppressed || r.Findings[0].Justification != "cmd is a constant" {
		t.Errorf("suppressed: %+v", r)
	}
}

func TestTriggersAndTrusted(t *testing.T) {
	cfg := config.Default()
	cfg.ApplyPreset("strict", "test")
	r := assess(t, cfg, "agent.py", "eval(x)\n")
	if r.Level != LevelBlocked || r.Findings[0].Trigger != "blocked" {
		t.Errorf("strict eval: level %s, trigger %q", r.Level, r.Findings[0].Trigger)
	}
	// Privilege escalation: at least HIGH by default, BLOCKED under strict.
	root := "import os\nos.setuid(0)\n"
	if r := assess(t, config.Default(), "a.py", root); r.Level != LevelHigh {
		t.Errorf("setuid(0), standard: level %s, want HIGH", r.Level)
	}
	if r := assess(t, cfg, "a.py", root); r.Level != LevelBlocked {
		t.Errorf("setuid(0), strict: level %s, want BLOCKED", r.Level)
	}
	cfg = config.Default()
	cfg.Trusted = append(cfg.Trusted, config.Trusted{Paths: []string{"tools/*.py"}, Rules: []string{"B60*"}, Reason: "vetted"})
	r = assess(t, cfg, "tools/run.py", "import os\nos.system(cmd)\n")
	if r.Score != 0 || !r.Findings[0].Suppressed || r.Findings[0].Justification != "trusted: vetted" {
		t.Errorf("trusted: %+v", r)
	}
	f := false
	cfg = config.Default()
	cfg.Rules["B605"] = config.RuleConfig{Enabled: &f}
	if r := assess(t, cfg, "x.py", "import os\nos.system(cmd)\n"); len(r.Findings) != 0 {
		t.Errorf("disabled rule reported: %+v", r.Findings)
	}
}

func TestSyntaxErrorIsNeverASilentPass(t *testing.T) {
	r := assess(t, config.Default(), "py2.py", "print 'hello'\n")
	if r.Level != LevelBlocked || len(r.Findings) != 1 || r.Findings[0].Rule != SyntaxErrorRule || r.Findings[0].Line != 1 {
		t.Errorf("syntax error: %+v", r)
	}
}

func TestRunKeepsOrder(t *testing.T) {
	var in []Input
	for i := 0; i < 200; i++ {
		in = append(in, Input{Path: fmt.Sprintf("f%03d.py", i), Data: []byte(fmt.Sprintf("x = %d\n", i))})
	}
	a, _ := New(config.Default())
	out := a.Run(in, 4)
	for i, r := range out {
		if r.Path != in[i].Path {
			t.Fatalf("result %d is %s", i, r.Path)
		}
	}
}

func TestMatchGlob(t *testing.T) {
	for _, tc := range []struct {
		glob, path string
		want       bool
	}{
		{"test_*.py", "pkg/test_a.py", true}, {"tests/**", "tests/a/b.py", true},
		{"tests/**", "pkg/tests/b.py", true}, {"tools/*.py", "tools/a.py", true},
		{"tools/*.py", "tools/x/a.py", false}, {"*.py", "a.pyw", false},
	} {
		if got := MatchGlob(tc.glob, tc.path); got != tc.want {
			t.Errorf("MatchGlob(%q, %q) = %v", tc.glob, tc.path, got)
		}
	}
}

func TestRuleOptions(t *testing.T) {
	cfg := config.Default()
	cfg.Rules["B605"] = config.RuleConfig{Options: map[string]any{"shell": []any{"mylib.run_shell"}}}
	r := assess(t, cfg, "o.py", "import mylib\nmylib.run_shell(cmd)\nimport os\nos.system(cmd)\n")
	var ids []string
	for _, f := range r.Findings {
		ids = append(ids, fmt.Sprintf("%s@%d", f.Rule.ID, f.Line))
	}
	if got := fmt.Sprint(ids); got != "[B605@2]" {
		t.Errorf("with shell: [mylib.run_shell], findings %s, want [B605@2]", got)
	}
	for _, bad := range []config.RuleConfig{
		{Options: map[string]any{"shel": []any{"x"}}},
		{Options: map[string]any{"shell": "os.system"}},
		{Severity: "critical"},
	} {
		cfg := config.Default()
		cfg.Rules["B605"] = bad
		if _, err := New(cfg); err == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
	cfg = config.Default()
	cfg.Rules["B999"] = config.RuleConfig{}
	if _, err := New(cfg); err == nil || !strings.Contains(err.Error(), `"B999"`) {
		t.Errorf("unknown rule: %v", err)
	}
}

// TestLargestFirst: files go to the workers largest first, by the size
// read or known from the listing, ties in the inputs' order.
func TestLargestFirst(t *testing.T) {
	inputs := []Input{
		{Path: "a", Size: 10},
		{Path: "b", Data: make([]byte, 30)},
		{Path: "c", Size: 10},
		{Path: "d"},
		{Path: "e", Size: 20},
	}
	got := largestFirst(inputs)
	want := []int{1, 4, 0, 2, 3}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("order %v, want %v", got, want)
	}
}
