package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pyward/pyward/flow"
	"github.com/pyward/pyward/python/ast"
	"github.com/pyward/pyward/python/parser"
)

// TestEntryPointsKeepEvents checks what flow's entryPoints promises: the
// analysis finds the same events starting from the functions that can
// report as starting from every function. Each folder of corpus files
// is one program (calls between its files are followed), and so is the
// standard library.
func TestEntryPointsKeepEvents(t *testing.T) {
	set := NewSet(All())
	compared, differ := 0, 0
	byDir := map[string][]string{}
	for _, path := range corpusPaths(t) {
		byDir[filepath.Dir(path)] = append(byDir[filepath.Dir(path)], path)
	}
	for _, paths := range byDir {
		files := map[string]*parser.File{}
		for _, p := range paths {
			src, err := os.ReadFile(p)
			if err != nil {
				continue
			}
			if f, err := parser.ParseFile(p, src); err == nil {
				files[p] = f
			}
		}
		prog := func() *flow.Program {
			return flow.NewProgram(paths, func(p string) *flow.Module {
				f := files[p]
				if f == nil {
					return nil
				}
				g, err := parser.ParseFile(p, f.Src)
				if err != nil {
					return nil
				}
				return set.FlowModule(g)
			})
		}
		run := func(all bool) map[string]string {
			allEntries = all
			defer func() { allEntries = false }()
			p := prog() // a program's summaries are kept: one per run
			out := map[string]string{}
			for _, path := range paths {
				f := files[path]
				if f == nil {
					continue
				}
				var b strings.Builder
				for _, fd := range set.RunWith(f, nil, p) {
					if !strings.HasPrefix(fd.Rule.ID, "PW") {
						continue
					}
					fmt.Fprintf(&b, "%s %d-%d %s", fd.Rule.ID, fd.Start, fd.End, fd.Message)
					for _, st := range fd.Flow {
						fmt.Fprintf(&b, " [%d-%d %s", st.Start, st.End, st.Note)
						if st.At != nil {
							fmt.Fprintf(&b, " %+v", *st.At)
						}
						b.WriteString("]")
					}
					b.WriteString("\n")
				}
				out[path] = b.String()
			}
			return out
		}
		pruned, all := run(false), run(true)
		for _, path := range paths {
			compared++
			if pruned[path] != all[path] {
				differ++
				if differ <= 5 {
					t.Errorf("%s: from every function:\n%s\nfrom those that can report:\n%s", path, all[path], pruned[path])
				}
			}
		}
	}
	if compared < 1000 {
		t.Fatalf("only %d files compared", compared)
	}
	t.Logf("%d files compared, %d differ", compared, differ)
}

// corpusPaths are the Python files of the corpora (rules/testdata and
// testdata) and of the standard library (without site-packages).
func corpusPaths(t *testing.T) []string {
	dirs := []string{"testdata", "../testdata"}
	if d := stdlibDir(t); d != "" {
		dirs = append(dirs, d)
	}
	var out []string
	for _, root := range dirs {
		filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if d.IsDir() && (d.Name() == "site-packages" || d.Name() == "dist-packages") {
				return filepath.SkipDir
			}
			if !d.IsDir() && strings.HasSuffix(path, ".py") {
				out = append(out, path)
			}
			return nil
		})
	}
	return out
}

// TestRefListStretches checks flow.RefLister's promise as
// TestCallListStretches checks CallLister's: every name, attribute and
// string constant of a function's body, and nothing else, lies in its
// stretch of the list; and a mark is listed for every call.
func TestRefListStretches(t *testing.T) {
	files := parsedStdlib(t)
	if len(files) == 0 {
		t.Skip("no standard library to read")
	}
	for _, f := range files {
		var refs []ast.Expr
		var calls []*ast.Call
		var marks []flow.CallMark
		probe := &Rule{ID: "TEST", Kinds: []Kind{KindEnd}, Check: func(c *Context, _ ast.Node) {
			h := &flowHost{c: c}
			refs, _ = h.Refs()
			calls, _ = h.Calls()
			marks = h.CallMarks()
			// The lists are reused once the run is over.
			refs, calls, marks = slices.Clone(refs), slices.Clone(calls), slices.Clone(marks)
		}}
		NewSet([]*Rule{probe}).Run(f, nil)
		if len(marks) != len(calls) {
			t.Fatalf("%s: %d calls, %d marks", f.Name, len(calls), len(marks))
		}
		checkBodies(t, f, "names", func(body []ast.Stmt) []ast.Expr { return flow.BodyRefs(refs, body) },
			func(n ast.Node) (ast.Expr, bool) {
				switch x := n.(type) {
				case *ast.Name:
					return x, true
				case *ast.Attribute:
					return x, true
				case *ast.Constant:
					return x, x.Kind == ast.ConstStr
				}
				return nil, false
			})
	}
}

// TestEntryPointsFollowEveryLabel: a function with no call the analysis
// reports on still starts the analysis when it can meet a real label,
// since it may pass it to a sink in another file. Each case calls a
// helper of another module that runs its parameter as a command; the
// file has an unrelated sink so that it is analysed at all.
func TestEntryPointsFollowEveryLabel(t *testing.T) {
	helper := "import subprocess\n\n\ndef run(cmd):\n    subprocess.call(cmd, shell=True)\n\n\ndef execute(code):\n    exec(code)\n"
	head := "import os\nimport sys\nfrom helpers import execute, run\n\n\ndef unrelated():\n    os.system('true')\n\n\n"
	cases := map[string]string{
		"an attribute source":       "def main():\n    run(sys.argv[1])\n",
		"a source call":             "def main():\n    run(input())\n",
		"a labelled module name":    "ARG = sys.argv[1]\n\n\ndef main():\n    run(ARG)\n",
		"a callee's source":         "def get():\n    return input()\n\n\ndef main():\n    run(get())\n",
		"an inherited method":       "class Base:\n    def line(self):\n        return input()\n\n\nclass Tool(Base):\n    def go(self):\n        run(self.line())\n",
		"an attribute of self":      "class Tool:\n    def __init__(self):\n        self.cmd = input()\n\n    def go(self):\n        run(self.cmd)\n",
		"a method of another class": "class Reader:\n    def line(self):\n        return input()\n\n\ndef main():\n    r = Reader()\n    run(r.line())\n",
		"a decoded literal":         "import base64\n\n\ndef main():\n    execute(base64.b64decode('cHJpbnQoMSk='))\n",
	}
	for name, body := range cases {
		files := map[string]string{"helpers.py": helper, "main.py": head + body}
		count := func(all bool) int {
			allEntries = all
			defer func() { allEntries = false }()
			set := NewSet(All())
			prog := flow.NewProgram([]string{"helpers.py", "main.py"}, func(p string) *flow.Module {
				f, err := parser.ParseFile(p, []byte(files[p]))
				if err != nil {
					t.Fatalf("%s: %v", p, err)
				}
				return set.FlowModule(f)
			})
			f, err := parser.ParseFile("main.py", []byte(files["main.py"]))
			if err != nil {
				t.Fatal(err)
			}
			fds := set.RunWith(f, nil, prog)
			n := 0
			for _, fd := range fds {
				if len(fd.Flow) > 0 {
					n++ // a finding of the analysis
				}
			}
			return n
		}
		every, pruned := count(true), count(false)
		if every == 0 {
			t.Errorf("%s: no finding even from every function: the case tests nothing", name)
		}
		if pruned != every {
			t.Errorf("%s: %d findings from every function, %d from those that can report", name, every, pruned)
		}
	}
}
