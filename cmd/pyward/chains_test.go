package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHugeChains: a chain of any kind and any length gets a verdict from
// the binary. One that nests the tree past the limit (CPython refuses it
// too: RecursionError) is a PW000 "too complex" syntax error that blocks;
// a flat one (a or b or …, 's' 's' …, decorators) is judged like any file;
// one just under the limit is judged, its findings found through the whole
// depth (rules, folding, data flow). Never a stack overflow, which used to
// kill the whole scan with a goroutine dump.
func TestHugeChains(t *testing.T) {
	const huge = 500_000
	rep := strings.Repeat
	tooDeep := map[string]string{
		"attribute":      "x = a" + rep(".b", huge),
		"call":           "x = f" + rep("()", huge),
		"subscript":      "x = a" + rep("[0]", huge),
		"method calls":   "x = a" + rep(".b(1)", huge),
		"sum":            "x = 1" + rep(" + 1", 2*huge),
		"string sum":     "import os\nos.system('a'" + rep(" + 'b'", huge) + ")",
		"operators":      "x = a" + rep(" * b - c", huge),
		"power":          "x = " + rep("2 ** ", huge) + "1",
		"unary":          "x = " + rep("- ~", huge) + "1",
		"not":            "x = " + rep("not ", huge) + "a",
		"lambda":         "x = " + rep("lambda: ", huge) + "1",
		"conditional":    "x = " + rep("a if b else ", huge) + "c",
		"elif":           "if a: pass\n" + rep("elif a: pass\n", huge),
		"target":         "a" + rep(".b", huge) + " = 1",
		"value pattern":  "match x:\n    case a" + rep(".b", huge) + ": pass",
		"decorator":      "@a" + rep(".b", huge) + "\ndef f(): pass",
		"in parentheses": "x = " + rep("(", 150) + "a" + rep(")"+rep(".b", 30), 150),
		"data flow":      "import os\ndef f():\n    x = input()\n    os.system(x" + rep(" + x", huge) + ")",
	}
	flat := map[string]string{
		"or":                 "x = a" + rep(" or a", huge),
		"comparison":         "x = a" + rep(" < a", huge),
		"string pieces":      "x = 's'" + rep(" 's'", huge),
		"f-string pieces":    "x = f'{a}'" + rep(" f'{a}'", huge/4),
		"decorators":         rep("@d\n", huge) + "def f(): pass",
		"dotted import":      "import a" + rep(".b", huge),
		"chained assignment": rep("a = ", huge) + "1",
	}
	// Just under the limit, and CPython's: judged, findings intact.
	deepButValid := map[string]string{
		"string sum":  "import os\nos.system('a'" + rep(" + 'b'", 2900) + ")",
		"attribute":   "import os\nos.system(a" + rep(".b", 2900) + ")",
		"conditional": "import os\ndef f(a):\n    x = input()\n    os.system(" + rep("x if a else ", 2900) + "x)",
		"data flow":   "import os\ndef f():\n    x = input()\n    os.system(x" + rep(" + x", 2900) + ")",
	}
	dir := t.TempDir()
	scan := func(name, src string) (rules []string, msgs []string, code int, stderr string) {
		t.Helper()
		p := filepath.Join(dir, strings.ReplaceAll(name, " ", "_")+".py")
		if err := os.WriteFile(p, []byte(src+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		out, stderr, code := pyward(t, "", "scan", "--format", "json", p)
		var r struct {
			Files []struct {
				Findings []struct{ Rule, Message string }
			}
		}
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			// No verdict at all: the failure below says so.
			return []string{"no JSON: " + err.Error()}, []string{""}, code, stderr
		}
		for _, f := range r.Files {
			for _, fd := range f.Findings {
				rules, msgs = append(rules, fd.Rule), append(msgs, fd.Message)
			}
		}
		return rules, msgs, code, stderr
	}
	for name, src := range tooDeep {
		rules, msgs, code, stderr := scan(name, src)
		if code != 1 || len(rules) != 1 || rules[0] != "PW000" || !strings.Contains(msgs[0], "too complex") {
			t.Errorf("%s: exit %d, findings %v %q, want exit 1 with one PW000 'too complex'; stderr %.300q", name, code, rules, msgs, stderr)
		}
	}
	for name, src := range flat {
		rules, _, code, stderr := scan(name, src)
		if code != 0 || len(rules) != 0 {
			t.Errorf("%s: exit %d, findings %v, want a clean verdict; stderr %.300q", name, code, rules, stderr)
		}
	}
	for name, src := range deepButValid {
		rules, _, code, stderr := scan(name, src)
		if code != 1 || len(rules) == 0 || strings.Join(rules, " ") == "PW000" {
			t.Errorf("%s: exit %d, findings %v, want it judged and blocked by the os.system call; stderr %.300q", name, code, rules, stderr)
		}
	}
}
