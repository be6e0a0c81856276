package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pyward/pyward/python/parser"
)

func TestFnmatch(t *testing.T) {
	for _, c := range []struct {
		pattern, name string
		want          bool
	}{
		{"*assert.py", "examples/assert.py", true},
		{"*assert.py", "assert.pyc", false},
		{"*/tests/*", "pkg/tests/sub/x.py", true},
		{"tests/*.py", "tests/a/b.py", true}, // * crosses / as in Python's fnmatch
		{"test_?.py", "test_a.py", true},
		{"test_?.py", "test_ab.py", false},
		{"[tT]est*.py", "Test_x.py", true},
		{"[!t]est*.py", "test_x.py", false},
		{"[a-c]x", "bx", true},
		{"[a-c]x", "dx", false},
		{"[x", "[x", true}, // an unclosed set is literal
		{"*a*a*a*a*a*b", strings.Repeat("a", 200), false},
		{"", "", true},
		{"", "a", false},
	} {
		if got := fnmatch(c.pattern, c.name); got != c.want {
			t.Errorf("fnmatch(%q, %q) = %v, want %v", c.pattern, c.name, got, c.want)
		}
	}
}

// findings runs one rule over src named name with the given options.
func findings(t *testing.T, id, name, src string, opts map[string]any) int {
	t.Helper()
	f, err := parser.ParseFile(name, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	r := Lookup(id)
	if err := r.CheckOptions(opts); err != nil {
		t.Fatal(err)
	}
	return len(Run(f, []*Rule{r}, map[string]map[string]any{id: opts}))
}

func TestAssertSkips(t *testing.T) {
	src := "assert x\n"
	if n := findings(t, "B101", "pkg/check.py", src, nil); n != 1 {
		t.Errorf("default: %d findings, want 1", n)
	}
	if n := findings(t, "B101", "pkg/check.py", src, map[string]any{"skips": []any{"*/check.py"}}); n != 0 {
		t.Errorf("skipped file: %d findings, want 0", n)
	}
	if n := findings(t, "B101", "pkg/other.py", src, map[string]any{"skips": []any{"*/check.py"}}); n != 1 {
		t.Errorf("other file: %d findings, want 1", n)
	}
}

func TestCheckTypedException(t *testing.T) {
	src := "try:\n    f()\nexcept KeyError:\n    pass\ntry:\n    f()\nexcept:\n    pass\n"
	if n := findings(t, "B110", "x.py", src, nil); n != 1 {
		t.Errorf("default: %d findings, want 1", n)
	}
	if n := findings(t, "B110", "x.py", src, map[string]any{"check_typed_exception": true}); n != 2 {
		t.Errorf("check_typed_exception: %d findings, want 2", n)
	}
	if n := findings(t, "B110", "x.py", src, map[string]any{"check_typed_exception": false}); n != 1 {
		t.Errorf("check_typed_exception false: %d findings, want 1", n)
	}
}

func TestOptionTypes(t *testing.T) {
	for _, c := range []struct {
		id   string
		opts map[string]any
		want string // part of the error, "" for none
	}{
		{"B110", map[string]any{"check_typed_exception": []any{"yes"}}, "want true or false"},
		{"B101", map[string]any{"skips": true}, "want a list of strings"},
		{"B101", map[string]any{"skip": []any{}}, `no option "skip"`},
		{"B102", map[string]any{"x": true}, "has no options"},
		{"B605", map[string]any{"shell": []any{"os.system"}}, ""},
	} {
		err := Lookup(c.id).CheckOptions(c.opts)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s %v: %v", c.id, c.opts, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s %v: error %v, want one containing %q", c.id, c.opts, err, c.want)
		}
	}
}

func TestHasPart(t *testing.T) {
	for _, c := range []struct {
		q, part string
		want    bool
	}{
		{"hashlib.md5", "hashlib", true},
		{"x.hashlib.md5", "hashlib", true},
		{"hashlibx.md5", "hashlib", false},
		{"md5", "md5", true},
		{"", "x", false},
		{".run", "run", true},
	} {
		if got := hasPart(c.q, c.part); got != c.want {
			t.Errorf("hasPart(%q, %q) = %v", c.q, c.part, got)
		}
	}
}

// TestProcessListsConfigured: the process rules see the calls their list
// options name, as configured, and one set serves runs with different
// options (the index by list, and the rules of each call name kept from
// file to file, are per options map).
func TestProcessListsConfigured(t *testing.T) {
	src := "import subprocess, mylib\nsubprocess.run(['ls'])\nmylib.spawn(['ls'])\n"
	f, err := parser.ParseFile("x.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	set := NewSet([]*Rule{Lookup("B603"), Lookup("B607")})
	lines := func(opts map[string]map[string]any) map[string][]int {
		out := map[string][]int{}
		for _, fd := range set.Run(f, opts) {
			line, _ := f.Tok.Position(fd.Start)
			out[fd.Rule.ID] = append(out[fd.Rule.ID], line)
		}
		return out
	}
	if got := fmt.Sprint(lines(nil)); got != "map[B603:[2] B607:[2]]" {
		t.Errorf("defaults: %s", got)
	}
	mine := map[string]map[string]any{
		"B603": {"subprocess": []any{"mylib.spawn"}},
		"B607": {"subprocess": []any{"mylib.spawn"}, "shell": []any{}, "no_shell": []any{}},
	}
	if got := fmt.Sprint(lines(mine)); got != "map[B603:[3] B607:[3]]" {
		t.Errorf("configured: %s", got)
	}
	if got := fmt.Sprint(lines(nil)); got != "map[B603:[2] B607:[2]]" {
		t.Errorf("defaults again: %s", got)
	}
}

// TestMarkupExtendNames: B704's configured names count, also when every
// rule runs (each call is looked at by the rules of every call after
// other rules' checks).
func TestMarkupExtendNames(t *testing.T) {
	src := "from app.safe import Markup\n\n\ndef page(user):\n    return Markup(user)\n"
	opts := map[string]any{"extend_markup_names": []any{"app.safe.Markup"}}
	if n := findings(t, "B704", "x.py", src, nil); n != 0 {
		t.Errorf("default: %d findings, want 0", n)
	}
	if n := findings(t, "B704", "x.py", src, opts); n != 1 {
		t.Errorf("extend_markup_names: %d findings, want 1", n)
	}
	f, err := parser.ParseFile("x.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, fd := range NewSet(All()).Run(f, map[string]map[string]any{"B704": opts}) {
		if fd.Rule.ID == "B704" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("every rule, extend_markup_names: %d B704 findings, want 1", n)
	}
}
