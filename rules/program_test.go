package rules

import (
	"strconv"
	"strings"
	"testing"

	"github.com/pyward/pyward/flow"
	"github.com/pyward/pyward/python/parser"
)

// programRun runs the PW4xx rules over path as a file of a program of
// the given files (path -> source).
func programRun(t *testing.T, files map[string]string, path string) ([]Finding, *parser.File) {
	t.Helper()
	var pw4 []*Rule
	for _, r := range All() {
		if strings.HasPrefix(r.ID, "PW4") {
			pw4 = append(pw4, r)
		}
	}
	set := NewSet(pw4)
	var paths []string
	for p := range files {
		paths = append(paths, p)
	}
	prog := flow.NewProgram(paths, func(p string) *flow.Module {
		f, err := parser.ParseFile(p, []byte(files[p]))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		return set.FlowModule(f)
	})
	f, err := parser.ParseFile(path, []byte(files[path]))
	if err != nil {
		t.Fatal(err)
	}
	return set.RunWith(f, nil, prog), f
}

// Relative imports resolve from the importing file's folder: level 1 is
// its package, level 2 the one above; `from . import m` binds a module.
func TestProgramRelativeImports(t *testing.T) {
	sink := "import subprocess\n\n\ndef run(cmd):\n    subprocess.call(cmd, shell=True)\n"
	files := map[string]string{
		"pkg/sub/helpers.py": sink,
		"pkg/common.py":      sink,
		"other/helpers.py":   "def run(cmd):\n    pass\n", // the same module name elsewhere
		"pkg/sub/views.py": `from flask import request
from .helpers import run
from ..common import run as run2
from . import helpers as h


def a():
    run(request.args["c"])


def b():
    run2(request.args["c"])


def c():
    h.run(request.args["c"])
`,
	}
	fds, f := programRun(t, files, "pkg/sub/views.py")
	want := map[int]string{8: "pkg/sub/helpers.py:5", 12: "pkg/common.py:5", 16: "pkg/sub/helpers.py:5"}
	got := map[int]string{}
	for _, fd := range fds {
		if fd.Rule.ID != "PW402" {
			continue
		}
		line := f.Tok.Line(fd.Start)
		last := fd.Flow[len(fd.Flow)-1]
		if last.At == nil {
			t.Errorf("line %d: the path ends in this file: %+v", line, fd.Flow)
			continue
		}
		got[line] = last.At.File + ":" + strconv.Itoa(last.At.Line)
		if !strings.Contains(fd.Message, "in "+got[line]+" through run()") {
			t.Errorf("line %d: message %q does not say where the sink is", line, fd.Message)
		}
	}
	for l, w := range want {
		if got[l] != w {
			t.Errorf("line %d: sink at %q, want %q", l, got[l], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("PW402 at %v, want %v", got, want)
	}
	// On its own (no program) the file has no such finding.
	alone, err := parser.ParseFile("pkg/sub/views.py", []byte(files["pkg/sub/views.py"]))
	if err != nil {
		t.Fatal(err)
	}
	for _, fd := range NewSet([]*Rule{Lookup("PW402")}).Run(alone, nil) {
		t.Errorf("without a program: %s at %d", fd.Rule.ID, alone.Tok.Line(fd.Start))
	}
}

// packageOf: a file's folder is its package; levels climb; above the
// top is not a package.
func TestPackageOf(t *testing.T) {
	for _, tc := range []struct {
		path  string
		level int
		want  string
		ok    bool
	}{
		{"a/b/c.py", 1, "a.b", true},
		{"a/b/c.py", 2, "a", true},
		{"a/b/c.py", 3, "", true},
		{"a/b/c.py", 4, "", false},
		{"c.py", 1, "", true},
		{"./a/__init__.py", 1, "a", true},
	} {
		got, ok := packageOf(tc.path, tc.level)
		if got != tc.want || ok != tc.ok {
			t.Errorf("packageOf(%q, %d) = %q, %v; want %q, %v", tc.path, tc.level, got, ok, tc.want, tc.ok)
		}
	}
}
