package rules

import "testing"

func TestValueRun(t *testing.T) {
	for _, tc := range []struct {
		src      string
		ok       bool
		min      int
		in, out  string // a byte the set holds, one it does not
		has, not string // a window with a long enough run, one without
	}{
		{`^(?:(?i)aws.{0,24}?key.{0,24}?['"=:\s]([A-Za-z0-9/+]{40}))`, true, 40, "/", "-",
			"aws_key = 'AKIAQ7RZN4TSVD2HKE6WAKIAQ7RZN4TSVD2HKE6W'", "aws key = 'short' and more words here"},
		{`(HRKU-[A-Za-z0-9_\-]{50,})|(?i:heroku)\s*([0-9a-f]{8}-[0-9a-f]{4})`, true, 13, "K", "!",
			"heroku 01234567-89ab", "heroku 0123-4567-89"},
		{`(?i)(tok[a-z]{3})`, true, 6, "T", "1", "TOKabc", "tok12"},
		{`(.{10})`, false, 0, "", "", "", ""},
		{`(é{10})`, false, 0, "", "", "", ""},
		{`([^'"]{20})`, false, 0, "", "", "", ""},
	} {
		r := runOf(tc.src)
		if r.ok != tc.ok || tc.ok && r.min != tc.min {
			t.Errorf("runOf(%q) = ok %v min %d, want ok %v min %d", tc.src, r.ok, r.min, tc.ok, tc.min)
			continue
		}
		if !tc.ok {
			if !r.holds([]byte("x")) {
				t.Errorf("runOf(%q): no condition, so every window must pass", tc.src)
			}
			continue
		}
		if !r.set[tc.in[0]] || r.set[tc.out[0]] {
			t.Errorf("runOf(%q): set has %q %v (want true), %q %v (want false)", tc.src, tc.in, r.set[tc.in[0]], tc.out, r.set[tc.out[0]])
		}
		if !r.holds([]byte(tc.has)) || r.holds([]byte(tc.not)) {
			t.Errorf("runOf(%q): holds(%q) = %v, holds(%q) = %v; want true, false", tc.src, tc.has, r.holds([]byte(tc.has)), tc.not, r.holds([]byte(tc.not)))
		}
	}
}

// Every keyword format gets a condition: one that silently failed to
// derive would cost speed, not findings, so this is where it shows.
func TestKeywordFormatsHaveValueRuns(t *testing.T) {
	for re := range windowed {
		if r := re.valueRun(); !r.ok || r.min < 8 {
			t.Errorf("%s: no useful value run (ok %v, min %d)", re.src, r.ok, r.min)
		}
	}
}
