package assess

import (
	"strings"
	"testing"

	"github.com/pyward/pyward/config"
)

// The scoring table of DESIGN.md: a rule counts once per file at its
// worst finding, LOW-severity findings alone stop at MEDIUM, a value
// pinned to literals scores as LOW; each is configurable.
func TestScoringTable(t *testing.T) {
	each := func() *config.Config { c := config.Default(); c.Scoring.Repeats = "each"; return c }
	lowMax := func(l string) func() *config.Config {
		return func() *config.Config { c := config.Default(); c.Scoring.LowOnlyMax = l; return c }
	}
	same := func() *config.Config { c := config.Default(); c.Scoring.Constant = "same"; return c }
	// Many LOW findings of nine different rules: 9 points of noise.
	lowNoise := "import subprocess\nimport pickle\nimport random\nrandom.random()\npassword = 'hunter2'\n" +
		"try:\n    f()\nexcept Exception:\n    pass\nfor x in y:\n    try:\n        g()\n    except Exception:\n        continue\n" +
		"assert x\nsubprocess.run(['ls'])\n"
	cases := []struct {
		name      string
		cfg       func() *config.Config
		src       string
		score     int
		level     FileLevel
		counted   int // findings that count
		findings  int // findings listed
		capped    bool
		evidenced string // a rule whose finding is pinned to literals
	}{
		{"three evals count once", config.Default, "eval(a)\neval(b)\neval(c)\n", 4, LevelMedium, 1, 3, false, ""},
		{"three evals, repeats: each", each, "eval(a)\neval(b)\neval(c)\n", 12, LevelBlocked, 3, 3, false, ""},
		// exec and eval are one capability; pickle and eval are two.
		{"two exec and two eval", config.Default, "exec(a)\nexec(b)\neval(c)\neval(d)\n", 4, LevelMedium, 1, 4, false, ""},
		{"exec and eval, repeats: each", each, "exec(a)\neval(c)\n", 8, LevelHigh, 2, 2, false, ""},
		{"eval and pickle", config.Default, "import pickle\npickle.loads(a)\neval(c)\n", 9, LevelHigh, 3, 3, false, ""},
		{"shells through os.system and subprocess", config.Default, "import os, subprocess\nos.system(a)\nsubprocess.call(b, shell=True)\n", 15, LevelBlocked, 3, 3, false, ""},
		{"worst of a rule counts", config.Default, "import os\nos.system('ls')\nos.system(cmd)\n", 8, LevelHigh, 2, 3, false, ""},
		{"LOW noise stops at MEDIUM", config.Default, lowNoise, 9, LevelMedium, 9, 9, true, ""},
		{"LOW noise, low-only-max: blocked", lowMax("BLOCKED"), lowNoise, 9, LevelHigh, 9, 9, false, ""},
		{"LOW noise, low-only-max: low", lowMax("LOW"), lowNoise, 9, LevelLow, 9, 9, true, ""},
		// LOW findings never push a file past what the others reach alone.
		{"LOW noise on one MEDIUM stays MEDIUM", config.Default, lowNoise + "eval(x)\n", 13, LevelMedium, 10, 10, true, ""},
		{"LOW noise on two MEDIUMs stays HIGH", config.Default, lowNoise + "eval(x)\nimport pickle\npickle.loads(y)\n", 17, LevelHigh, 11, 12, true, ""},
		{"LOW noise on one MEDIUM, low-only-max: blocked", lowMax("BLOCKED"), lowNoise + "eval(x)\n", 13, LevelBlocked, 10, 10, false, ""},
		// A weak hash scores as MEDIUM unless it hashes a secret.
		{"md5 of data", config.Default, "import hashlib\netag = hashlib.md5(data).hexdigest()\n", 4, LevelMedium, 1, 1, false, ""},
		{"md5 of a password", config.Default, "import hashlib\nh = hashlib.md5(password.encode()).hexdigest()\n", 7, LevelHigh, 1, 1, false, ""},
		{"literal shell command", config.Default, "import subprocess\nsubprocess.call('ls -l', shell=True)\n", 3, LevelLow, 3, 3, false, "B602"},
		{"pinned os.system command", config.Default, "import os\nCMD = 'ls -l'\ndef f():\n    os.system(CMD)\n", 1, LevelLow, 1, 1, false, "B605"},
		{"os.system of a parameter", config.Default, "import os\ndef f(cmd):\n    os.system(cmd)\n", 7, LevelHigh, 1, 1, false, ""},
		{"pinned command, constant: same", same, "import os\nCMD = 'ls -l'\nos.system(CMD)\n", 7, LevelHigh, 1, 1, false, "B605"},
		{"eval of a literal", config.Default, "eval('1+1')\n", 1, LevelLow, 1, 1, false, "B307"},
		{"eval of a value", config.Default, "eval(expr)\n", 4, LevelMedium, 1, 1, false, ""},
		{"pickle of a constant", config.Default, "import pickle\nBLOB = b'\\x80\\x04N.'\npickle.loads(BLOB)\n", 2, LevelLow, 2, 2, false, "B301"},
		{"pickle of data", config.Default, "import pickle\npickle.loads(data)\n", 5, LevelMedium, 2, 2, false, ""},
		{"SQL from constants", config.Default, "T = 'users'\ncur.execute('SELECT * FROM ' + T)\n", 1, LevelLow, 1, 1, false, "B608"},
		{"SQL from a value", config.Default, "cur.execute('SELECT * FROM t WHERE id = ' + uid)\n", 4, LevelMedium, 1, 1, false, ""},
		// A proven flow from outside is its own finding, scored as such.
		{"eval(input())", config.Default, "eval(input())\n", 11, LevelBlocked, 2, 2, false, ""},
		// Pinned to literals, the constant finding is LOW for the cap too.
		{"pinned commands alone are capped", config.Default,
			"import os\nA = 'a'\nos.system(A)\nimport subprocess\nsubprocess.call(A, shell=True)\nsubprocess.run(['x'])\nimport random\nrandom.random()\npassword = 'x'\n", 7, LevelMedium, 7, 7, true, "B605"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := assess(t, tc.cfg(), "m.py", tc.src)
			counted := 0
			for _, f := range r.Findings {
				if f.Counted {
					counted++
				}
				if tc.evidenced != "" && f.Rule.ID == tc.evidenced && f.Evidence.String() != "constant" {
					t.Errorf("%s: evidence %q, want constant", f.Rule.ID, f.Evidence)
				}
			}
			if r.Score != tc.score || r.Level != tc.level || counted != tc.counted || len(r.Findings) != tc.findings || r.Reasons.Capped != tc.capped {
				var got []string
				for _, f := range r.Findings {
					got = append(got, f.Rule.ID+"/"+f.Severity.String()+"="+strings.Repeat("*", f.Points))
				}
				t.Errorf("score %d level %s counted %d findings %d capped %v, want %d %s %d %d %v: %v",
					r.Score, r.Level, counted, len(r.Findings), r.Reasons.Capped, tc.score, tc.level, tc.counted, tc.findings, tc.capped, got)
			}
			if len(r.Reasons.Deciding) != counted {
				t.Errorf("reasons name %d deciding findings, %d count", len(r.Reasons.Deciding), counted)
			}
		})
	}
}

// The reported severity and confidence of a Bandit-ID finding stay
// Bandit's whatever the evidence: only points change.
func TestEvidenceKeepsSeverity(t *testing.T) {
	r := assess(t, config.Default(), "m.py", "import os\nCMD = 'ls'\nos.system(CMD)\neval('1')\n")
	for _, f := range r.Findings {
		if f.Severity != f.Rule.Severity && f.Rule.ID != "B605" || f.Rule.ID == "B605" && f.Severity.String() != "HIGH" {
			t.Errorf("%s reported as %s/%s", f.Rule.ID, f.Severity, f.Confidence)
		}
	}
}

// The reasons name the deciding findings, most points first, the
// trigger, and the policy and thresholds.
func TestReasons(t *testing.T) {
	r := assess(t, config.Default(), "m.py", "import os\nimport base64\neval(x)\nos.system(cmd)\nexec(base64.b64decode(blob))\n")
	if r.Level != LevelBlocked || r.Reasons.Trigger < 0 || r.Findings[r.Reasons.Trigger].Rule.ID != "PW101" {
		t.Fatalf("level %s trigger %d: %+v", r.Level, r.Reasons.Trigger, r.Findings)
	}
	prev := 1 << 30
	for _, i := range r.Reasons.Deciding {
		if p := r.Findings[i].Points; p > prev {
			t.Errorf("deciding findings not by points: %d after %d", p, prev)
		} else {
			prev = p
		}
	}
	if r.Reasons.Policy != "standard" || r.Reasons.Levels["HIGH"] != 7 || r.Reasons.Repeats != "worst" || r.Reasons.LowOnlyMax != "MEDIUM" {
		t.Errorf("policy in reasons: %+v", r.Reasons)
	}
	if clean := assess(t, config.Default(), "ok.py", "x = 1\n"); len(clean.Reasons.Deciding) != 0 || clean.Reasons.Trigger != -1 {
		t.Errorf("clean file reasons: %+v", clean.Reasons)
	}
}

// Findings a built-in trusted entry covers (B101 in tests) are not
// findings at all; the user's own trusted entries and inline
// suppressions stay in the report, marked.
func TestDefaultTrustedDropped(t *testing.T) {
	src := "def test_x():\n    assert f() == 1\n"
	if r := assess(t, config.Default(), "tests/test_x.py", src); len(r.Findings) != 0 {
		t.Errorf("default-trusted asserts reported: %+v", r.Findings)
	}
	if r := assess(t, config.Default(), "pkg/x.py", src); len(r.Findings) != 1 || r.Findings[0].Suppressed {
		t.Errorf("assert outside tests: %+v", r.Findings)
	}
	cfg := config.Default()
	cfg.Trusted = []config.Trusted{{Paths: []string{"tests/**"}, Rules: []string{"B101"}, Reason: "ours"}}
	if r := assess(t, cfg, "tests/test_x.py", src); len(r.Findings) != 1 || !r.Findings[0].Suppressed || r.Findings[0].Justification != "trusted: ours" {
		t.Errorf("the user's trusted entry: %+v", r.Findings)
	}
	if r := assess(t, config.Default(), "pkg/x.py", "assert x  # nosec B101 checked by the caller\n"); len(r.Findings) != 1 || !r.Findings[0].Suppressed {
		t.Errorf("inline suppression: %+v", r.Findings)
	}
}
