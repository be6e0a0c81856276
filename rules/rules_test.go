package rules

import (
	"strings"
	"testing"

	"github.com/pyward/pyward/python/ast"
	"github.com/pyward/pyward/python/parser"
)

// TestRuleExamples runs every registered rule over its own examples: each
// flagged example must produce at least one finding of that rule, each
// clean example none. A rule cannot be registered without both.
func TestRuleExamples(t *testing.T) {
	all := All()
	if len(all) == 0 {
		t.Fatal("no rules registered")
	}
	for _, r := range all {
		for i, src := range r.Flagged {
			if n := count(t, r, src); n == 0 {
				t.Errorf("%s: flagged example %d not flagged:\n%s", r.ID, i, src)
			}
		}
		for i, src := range r.Clean {
			if n := count(t, r, src); n != 0 {
				t.Errorf("%s: clean example %d flagged %d times:\n%s", r.ID, i, n, src)
			}
		}
	}
}

func count(t *testing.T, r *Rule, src string) int {
	t.Helper()
	f, err := parser.ParseFile(exampleName(src, "example.py"), []byte(src))
	if err != nil {
		t.Fatalf("%s: example does not parse: %v\n%s", r.ID, err, src)
	}
	n := 0
	for _, fd := range Run(f, []*Rule{r}, nil) {
		if fd.Rule == r {
			n++
		}
	}
	return n
}

func TestQualName(t *testing.T) {
	src := "import os as o\nfrom subprocess import Popen as P\nimport a.b as c\nfrom .rel import x\n" +
		"o.system\nP\nc.d.e\nx\nf().g\nplain\n"
	f, err := parser.Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	c := &Context{File: f, aliases: map[string]string{}}
	want := []string{"os.system", "subprocess.Popen", "a.b.d.e", "rel.x", ".g", "plain"}
	for i, st := range f.Module.Body {
		if i < 4 {
			c.recordImport(st)
			continue
		}
	}
	for i, w := range want {
		es := f.Module.Body[4+i]
		got := c.QualName(exprOf(es))
		if got != w {
			t.Errorf("line %d: QualName = %q, want %q", 5+i, got, w)
		}
	}
}

func exprOf(s interface{}) ast.Expr {
	return s.(*ast.ExprStmt).Value
}

func TestB608Confidence(t *testing.T) {
	src := "cur.execute('SELECT a FROM t WHERE b = ' + b)\n" +
		"q = 'SELECT a FROM t WHERE b = ' + b\n" +
		"cur.execute(sql='SELECT a FROM t WHERE b = ' + b)\n" +
		"cur.execute('SELECT a FROM t WHERE b = {}'.format(b))\n" +
		"cur.execute('SELECT a FROM t WHERE b = x'.replace('x', b))\n"
	f, err := parser.Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, fd := range Run(f, []*Rule{Lookup("B608")}, nil) {
		got = append(got, fd.Confidence.String())
	}
	if want := "MEDIUM LOW LOW MEDIUM LOW"; strings.Join(got, " ") != want {
		t.Errorf("confidences %v, want %s", got, want)
	}
}

func TestB202Levels(t *testing.T) {
	src := "import tarfile\n" +
		"t.extractall(d)\n" +
		"t.extractall(d, filter='fully_trusted')\n" +
		"t.extractall(d, members=pick(t))\n" +
		"t.extractall(d, members=names)\n" +
		"t.extractall(d, filter=f)\n"
	f, err := parser.Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, fd := range Run(f, []*Rule{Lookup("B202")}, nil) {
		got = append(got, fd.Severity.String()+"/"+fd.Confidence.String())
	}
	if want := "HIGH/HIGH HIGH/HIGH LOW/LOW MEDIUM/MEDIUM LOW/LOW"; strings.Join(got, " ") != want {
		t.Errorf("levels %v, want %s", got, want)
	}
}

// exampleName is the file name an example or fixture is checked under:
// the one its first line gives as "# file: NAME", else def.
func exampleName(src, def string) string {
	if rest, ok := strings.CutPrefix(src, "# file: "); ok {
		name, _, _ := strings.Cut(rest, "\n")
		return strings.TrimSpace(name)
	}
	return def
}
