package parser

import (
	"fmt"
	"testing"

	"github.com/pyward/pyward/python/ast"
)

// A tree parsed into a released tree's arrays is the tree a parse into
// new arrays makes, whichever file was there before: every node is
// cleared, none is shared between two live trees, and a file too large
// for the spares still parses whole.
func TestReleasedArraysServeTheNextParse(t *testing.T) {
	srcs := []string{
		"import os\nx = os.system('id')\nprint(x.y.z, [1, 2, 3], {'a': b})\n",
		"def f(a, *, b=2):\n    return g(a)(b)[0].c\n",
		string(make([]byte, 0)),
		"class C:\n    'doc'\n    v: int = 1\n" + repeat("    def m%d(self): return self.a + 1\n", 3000),
		"y = 1\n",
		repeat("v%d = f(a.b, 'c', 2)\n", 700),
	}
	want := make([]string, len(srcs))
	for i, s := range srcs {
		f, err := ParseFile("x.py", []byte(s))
		if err != nil {
			t.Fatal(err)
		}
		want[i] = ast.Dump(f.Module, f.Tok)
	}
	for round := 0; round < 3; round++ {
		var live []*File
		for i, s := range srcs {
			f, err := ParseFile("x.py", []byte(s))
			if err != nil {
				t.Fatal(err)
			}
			if got := ast.Dump(f.Module, f.Tok); got != want[i] {
				t.Fatalf("round %d, file %d: parsed after a release, the tree differs", round, i)
			}
			if i%2 == 0 {
				f.Release()
				if f.Module != nil {
					t.Fatal("Module kept after Release")
				}
				f.Release() // twice is harmless
			} else {
				live = append(live, f)
			}
		}
		// No node is in two live trees, or twice in one.
		seen := map[ast.Node]bool{}
		for _, f := range live {
			ast.Inspect(f.Module, func(n ast.Node) bool {
				switch n.(type) {
				case *ast.Name, *ast.Attribute, *ast.Call, *ast.Constant, *ast.ExprStmt, *ast.Assign:
					if seen[n] {
						t.Fatalf("round %d: a node is in the trees twice", round)
					}
					seen[n] = true
				}
				return true
			})
		}
		// The trees not released are intact after the others' reuse.
		for j, f := range live {
			if got := ast.Dump(f.Module, f.Tok); got != want[2*j+1] {
				t.Fatalf("round %d: a live tree changed while others were reused", round)
			}
		}
	}
}

func sprintf(format string, i int) string { return fmt.Sprintf(format, i) }

func repeat(format string, n int) string {
	var b []byte
	for i := 0; i < n; i++ {
		b = append(b, []byte(sprintf(format, i))...)
	}
	return string(b)
}
