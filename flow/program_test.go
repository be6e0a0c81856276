package flow

import (
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/pyward/pyward/python/ast"
	"github.com/pyward/pyward/python/parser"
)

// importHost resolves names through a module's absolute imports (the
// rules' host does the same, and also makes relative imports absolute:
// see rules/program_test.go).
type importHost struct {
	aliases map[string]string
	modules map[string]bool
}

func newImportHost(mod *ast.Module) *importHost {
	h := &importHost{aliases: map[string]string{}, modules: map[string]bool{}}
	ast.Inspect(mod, func(n ast.Node) bool {
		switch s := n.(type) {
		case *ast.Import:
			for _, a := range s.Names {
				h.modules[a.Name] = true
				if a.Asname != nil {
					h.aliases[*a.Asname] = a.Name
				}
			}
		case *ast.ImportFrom:
			for _, a := range s.Names {
				local := a.Name
				if a.Asname != nil {
					local = *a.Asname
				}
				h.aliases[local] = *s.Module + "." + a.Name
			}
		}
		return true
	})
	return h
}

func (h *importHost) QualName(e ast.Expr) string {
	switch n := e.(type) {
	case *ast.Name:
		if q, ok := h.aliases[n.ID]; ok {
			return q
		}
		return n.ID
	case *ast.Attribute:
		if b := h.QualName(n.Value); b != "" {
			return b + "." + n.Attr
		}
	}
	return ""
}
func (h *importHost) Fold(ast.Expr) (string, bool) { return "", false }
func (h *importHost) IsModule(q string) bool {
	if h.modules[q] {
		return true
	}
	for _, m := range h.aliases {
		if m == q && h.modules[m] {
			return true
		}
	}
	return false
}

// testProgram is a program of the given files (path -> source), with
// the number of times each was loaded.
type testProgram struct {
	*Program
	src   map[string]string
	loads map[string]*atomic.Int32
}

func newTestProgram(t *testing.T, files map[string]string) *testProgram {
	t.Helper()
	tp := &testProgram{src: files, loads: map[string]*atomic.Int32{}}
	var paths []string
	for p := range files {
		paths = append(paths, p)
		tp.loads[p] = &atomic.Int32{}
	}
	tp.Program = NewProgram(paths, func(p string) *Module {
		tp.loads[p].Add(1)
		f, err := parser.ParseFile(p, []byte(files[p]))
		if err != nil {
			t.Errorf("%s: %v", p, err)
			return nil
		}
		return &Module{Mod: f.Module, Host: newImportHost(f.Module), Pos: f.Tok.CharColumn}
	})
	return tp
}

// analyze analyses one file of the program.
func (tp *testProgram) analyze(t *testing.T, path string) ([]Event, *parser.File) {
	t.Helper()
	f, err := parser.ParseFile(path, []byte(tp.src[path]))
	if err != nil {
		t.Fatal(err)
	}
	return Analyze(f.Module, newImportHost(f.Module), nil, Options{Program: tp.Program, Path: path}), f
}

const utilPy = `import os
import shlex


def run(cmd):
    os.system("echo " + cmd)


def run_quoted(cmd):
    os.system("echo " + shlex.quote(cmd))


def run_int(n):
    os.system("kill " + str(int(n)))


def ident(x):
    y = x
    return y


def typed():
    return input()


def own():
    os.system(input())
`

// commandAt returns the command events, by the line of their node.
func commandAt(f *parser.File, evs []Event) map[int]Event {
	out := map[int]Event{}
	for _, e := range evs {
		if e.Family == "command" {
			out[f.Tok.Line(e.Node.Pos())] = e
		}
	}
	return out
}

// A call of another module's function whose parameter reaches a sink
// there is an event at the call, with the path into the other file and
// the sink's place there; a quoting or int() helper is no event.
func TestProgramSinkInOtherModule(t *testing.T) {
	tp := newTestProgram(t, map[string]string{
		"src/app/util.py": utilPy,
		"src/app/main.py": `import app.util as u
from app.util import run, run_quoted, run_int
run(input())
u.run(input())
run_quoted(input())
run_int(input())
`,
	})
	evs, f := tp.analyze(t, "src/app/main.py")
	got := commandAt(f, evs)
	for _, line := range []int{3, 4} {
		e, ok := got[line]
		if !ok {
			t.Fatalf("line %d: no command event; events %+v", line, evs)
		}
		if e.Via == nil || e.Via.Sink.At == nil || e.Via.Sink.At.File != "src/app/util.py" || e.Via.Sink.At.Line != 6 || e.Via.Func != "run" {
			t.Errorf("line %d: via %+v, want the sink at src/app/util.py:6 through run", line, e.Via)
		}
		if w := e.Via.Where(); w != "in src/app/util.py:6 through run()" {
			t.Errorf("Where() = %q", w)
		}
		if e.Callee != "os.system" || e.Labels&User == 0 {
			t.Errorf("line %d: callee %q labels %v", line, e.Callee, e.Labels)
		}
		// The path: input() here, then the parameter in the other file.
		if len(e.Trace) < 2 || e.Trace[0].At != nil || e.Trace[len(e.Trace)-1].At == nil ||
			!strings.Contains(e.Trace[len(e.Trace)-1].Note, "parameter cmd of run") || e.Trace[len(e.Trace)-1].At.Line != 5 {
			t.Errorf("line %d: trace %+v", line, e.Trace)
		}
	}
	for _, line := range []int{5, 6} {
		if _, ok := got[line]; ok {
			t.Errorf("line %d: a sanitised helper's sink is reported", line)
		}
	}
	if n := tp.loads["src/app/util.py"].Load(); n != 1 {
		t.Errorf("util.py loaded %d times, want once", n)
	}
}

// What another module's function returns comes back: its parameter,
// and a source it reads itself.
func TestProgramReturnValues(t *testing.T) {
	tp := newTestProgram(t, map[string]string{
		"app/util.py": utilPy,
		"app/main.py": `import os, flask
from app.util import ident, typed
os.system(ident(input()))
os.system(typed())
os.system(ident("ls"))
`,
	})
	evs, f := tp.analyze(t, "app/main.py")
	got := commandAt(f, evs)
	if e, ok := got[3]; !ok || e.Via != nil {
		t.Errorf("line 3 (parameter returned): %+v", evs)
	} else if !hasForeignStep(e.Trace, "app/util.py", "parameter x of ident") {
		t.Errorf("line 3: trace %+v lacks the step in app/util.py", e.Trace)
	}
	if e, ok := got[4]; !ok {
		t.Errorf("line 4 (source returned): %+v", evs)
	} else if e.Trace[0].At == nil || e.Trace[0].At.File != "app/util.py" || e.Trace[0].At.Line != 23 {
		t.Errorf("line 4: the path starts at %+v, want input() at app/util.py:23", e.Trace[0])
	}
	if _, ok := got[5]; ok {
		t.Errorf("line 5: a constant through ident is reported")
	}
}

func hasForeignStep(t []Step, file, note string) bool {
	for _, s := range t {
		if s.At != nil && s.At.File == file && strings.Contains(s.Note, note) {
			return true
		}
	}
	return false
}

// A **mapping passed to another module's function is not followed (see
// applyForeign): a request's environment in the mapping does not reach
// the path parameter's sink; a keyword the callee's **kw takes is.
func TestProgramStarStarMapping(t *testing.T) {
	tp := newTestProgram(t, map[string]string{
		"lib/files.py": "import os\n\n\ndef send(path, environ=None, **kw):\n    os.system(path)\n\n\ndef send_kw(**kw):\n    os.system(kw)\n",
		"lib/main.py":  "from lib.files import send, send_kw\nopts = {'environ': input()}\nsend('index.html', **opts)\nsend_kw(x=input())\n",
	})
	evs, f := tp.analyze(t, "lib/main.py")
	got := commandAt(f, evs)
	if _, ok := got[3]; ok {
		t.Errorf("the mapping reached the path parameter's sink")
	}
	if _, ok := got[4]; !ok {
		t.Errorf("a keyword did not reach **kw's sink: %+v", evs)
	}
}

// A function of this file that passes its parameter to another module's
// sink carries it in its summary: the event is at its call of run.
func TestProgramChainThroughLocalHelper(t *testing.T) {
	tp := newTestProgram(t, map[string]string{
		"app/util.py": utilPy,
		"app/main.py": `from app.util import run; import flask


def helper(x):
    run(x)


helper(input())
`,
		// Outside a web application's files a parameter passed on is
		// not followed into another module (see foreignCall).
		"app/cli.py": "from app.util import run\n\n\ndef helper(x):\n    run(x)\n\n\nhelper(input())\nrun(input())\n",
	})
	evs, f := tp.analyze(t, "app/main.py")
	e, ok := commandAt(f, evs)[5]
	if !ok || e.Via == nil || e.Via.Sink.At.File != "app/util.py" {
		t.Fatalf("no event at run(x) through the helper: %+v", evs)
	}
	if e.Trace[0].At != nil || f.Tok.Line(e.Trace[0].Start) != 8 {
		t.Errorf("the path starts at %+v, want input() on line 8", e.Trace[0])
	}
	evs, f = tp.analyze(t, "app/cli.py")
	got := commandAt(f, evs)
	if _, ok := got[9]; !ok || len(got) != 1 {
		t.Errorf("cli.py: events on lines %v, want line 9 only (input() passed directly)", got)
	}
}

// What the other module finds on its own is its own file's finding.
func TestProgramOwnEventsStayHome(t *testing.T) {
	tp := newTestProgram(t, map[string]string{
		"app/util.py": utilPy,
		"app/main.py": "from app.util import own, run\nown()\nrun('ls')\n",
	})
	if evs, _ := tp.analyze(t, "app/main.py"); len(evs) != 0 {
		t.Errorf("events in main.py: %+v", evs)
	}
}

// A name the model knows is what the model says: a scan holding a file
// named os.py does not analyse it for os.system.
func TestProgramModelWins(t *testing.T) {
	tp := newTestProgram(t, map[string]string{
		"lib/os.py":   "def system(c):\n    pass\n",
		"lib/main.py": "import os\nos.system(input())\n",
	})
	evs, _ := tp.analyze(t, "lib/main.py")
	if len(evs) != 1 || evs[0].Via != nil {
		t.Errorf("events %+v, want the model's os.system event", evs)
	}
	if n := tp.loads["lib/os.py"].Load(); n != 0 {
		t.Errorf("os.py loaded %d times for a name the model knows", n)
	}
}

// Two files with the same module name leave it unresolved; the longer
// names still resolve.
func TestProgramAmbiguousName(t *testing.T) {
	tp := newTestProgram(t, map[string]string{
		"a/util.py": utilPy,
		"b/util.py": utilPy,
		"main.py":   "from util import run\nfrom a.util import run as arun\nrun(input())\narun(input())\n",
	})
	evs, f := tp.analyze(t, "main.py")
	got := commandAt(f, evs)
	if _, ok := got[3]; ok {
		t.Errorf("the ambiguous util resolved")
	}
	if e, ok := got[4]; !ok || e.Via.Sink.At.File != "a/util.py" {
		t.Errorf("a.util did not resolve: %+v", evs)
	}
	if n := tp.loads["b/util.py"].Load(); n != 0 {
		t.Errorf("b/util.py loaded")
	}
	for _, tc := range []struct {
		path string
		want []string
	}{
		{"src/app/util.py", []string{"src", "app", "util"}},
		{"pkg/__init__.py", []string{"pkg"}},
		{"./x/y.py", []string{"x", "y"}},
		{"../up/y.py", []string{"up", "y"}},
		{"my-dir/y.py", []string{"y"}},
		{"notes.txt", nil},
	} {
		if got := modParts(tc.path); strings.Join(got, ".") != strings.Join(tc.want, ".") {
			t.Errorf("modParts(%q) = %q, want %q", tc.path, got, tc.want)
		}
	}
}

// Modules that call each other end: inside the other module, calls into
// further modules are not followed (depth 1).
func TestProgramCycle(t *testing.T) {
	tp := newTestProgram(t, map[string]string{
		"m1.py": "import os\nfrom m2 import g\n\n\ndef f(x):\n    return g(x)\n\n\nos.system(f(input()))\nos.system(g(input()))\n",
		"m2.py": "import os\nfrom m1 import f\n\n\ndef g(x):\n    return f(x)\n\n\nos.system(g(input()))\n",
	})
	evs, _ := tp.analyze(t, "m1.py")
	// g's own call of f is not followed: g returns nothing known.
	if len(evs) != 0 {
		t.Errorf("m1: %+v", evs)
	}
	if evs, _ := tp.analyze(t, "m2.py"); len(evs) != 0 {
		t.Errorf("m2: %+v", evs)
	}
}

// Files analysed at once share the program: each gets its event, the
// other module is loaded once (run with -race).
func TestProgramConcurrent(t *testing.T) {
	files := map[string]string{"app/util.py": utilPy}
	var callers []string
	for _, n := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
		p := "app/" + n + ".py"
		files[p] = "import os\nfrom app.util import run, ident\nrun(input())\nos.system(ident(input()))\n"
		callers = append(callers, p)
	}
	tp := newTestProgram(t, files)
	var wg sync.WaitGroup
	counts := make([]int, len(callers))
	for i, p := range callers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			evs, _ := tp.analyze(t, p)
			counts[i] = len(evs)
		}()
	}
	wg.Wait()
	for i, n := range counts {
		if n != 2 {
			t.Errorf("%s: %d events, want 2", callers[i], n)
		}
	}
	if n := tp.loads["app/util.py"].Load(); n != 1 {
		t.Errorf("util.py loaded %d times", n)
	}
}
