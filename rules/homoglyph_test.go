package rules

import (
	"testing"

	"github.com/pyward/pyward/python/parser"
)

// TestNormalisedNames: Python reads identifiers after NFKC, so a call
// spelt in fullwidth or mathematical letters is, for every rule, the
// builtin or function it reads as (callNames looks at the last line).
func TestNormalisedNames(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"ｅｘｅｃ(code)\n", "exec"},
		{"𝐞𝐯𝐚𝐥(expr)\n", "eval"},
		{"import ｏｓ\nｏｓ.ｓｙｓｔｅｍ('id')\n", "os.system"},
		{"from subprocess import ｃａｌｌ\nｃａｌｌ('id', shell=True)\n", "subprocess.call"},
		// Cyrillic look-alikes are other names: Python does not fold them.
		{"ехес(code)\n", "ехес"},
	} {
		if got := callNames(t, tc.src); len(got) != 1 || got[0] != tc.want {
			t.Errorf("%q: calls %v, want %s", tc.src, got, tc.want)
		}
	}
}

// TestJudgeName: what an identifier reads and looks as, and whether it
// is disguised as a dangerous name (PW112) or mixed (PW503).
func TestJudgeName(t *testing.T) {
	for _, tc := range []struct {
		raw, looks      string
		sensitive, flag bool
	}{
		{"ｅｘｅｃ", "exec", true, true},
		{"ехес", "exec", true, true}, // Cyrillic е х е с
		{"ѕubprocess", "subprocess", true, true},
		{"Ιoads", "loads", true, true}, // Greek capital iota: one letter with l to confusables
		{"еvаӏ", "evai", false, true},  // Cyrillic palochka is an i to confusables
		{"pаssword", "password", false, true},
		{"ｐｒｉｎｔ", "print", false, true},
		{"ℓ", "l", false, false},
		{"ﬁle", "file", false, false},
		{"ρty", "", false, false}, // Greek letters mathematics uses only resemble Latin ones
		{"σs", "", false, false},
		{"Δt", "", false, false},
		{"скорость", "", false, false},
		{"сор", "cop", false, false}, // a Cyrillic word of look-alikes alone is a Cyrillic word
		{"summe_сумма", "", false, false},
		{"сору_file", "copy_file", false, true},
	} {
		d := judgeName(tc.raw)
		flag := d.sensitive || len(d.mixed) > 0 || d.compat >= 2
		if d.looks != tc.looks || d.sensitive != tc.sensitive || flag != tc.flag {
			t.Errorf("%s: looks %q sensitive %v flagged %v, want %q %v %v", tc.raw, d.looks, d.sensitive, flag, tc.looks, tc.sensitive, tc.flag)
		}
	}
}

// Text outside ASCII in comments and strings is not a name (the parser
// lists the names outside ASCII, so the file is not tokenized again);
// beside a disguised name, or in an f-string's field, it does not stop
// the name being found.
func TestDisguisesBesideText(t *testing.T) {
	var pw112 *Rule
	for _, r := range All() {
		if r.ID == "PW112" {
			pw112 = r
		}
	}
	text := "# Auteur : Hélène — « outil »\n\"\"\"Résumé.\"\"\"\nx = 'café'\n"
	for _, tc := range []struct {
		src  string
		want int
	}{
		{text + "print(x)\n", 0},
		{text + "ехес(x)\n", 1},
		{text + "print(f'{ехес(x)} é')\n", 1},
	} {
		if got := count(t, pw112, tc.src); got != tc.want {
			t.Errorf("%q: %d PW112, want %d", tc.src, got, tc.want)
		}
	}
	f, err := parser.ParseFile("t.py", []byte(text+"x = ехес\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.OtherNames) != 1 || string(f.Src[f.OtherNames[0].Start:f.OtherNames[0].End]) != "ехес" {
		t.Errorf("the parser's names outside ASCII: %v, want the one ехес", f.OtherNames)
	}
}
