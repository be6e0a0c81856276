package parser

import (
	"strings"
	"testing"

	"github.com/pyward/pyward/python/ast"
	"github.com/pyward/pyward/python/token"
)

// FuzzParse checks that any input gives a tree or a *token.Error, never a
// panic or a hang, that every node's range lies inside the source, and that
// the tree can be dumped.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"x = 1\n", "def f(a, /, b=1, *c, d, **e) -> int:\n    return a\n",
		"match x:\n    case [1, *r] | {'k': v} if v:\n        pass\n",
		"f'{x!r:>{w}}' f\"{y=}\"\n", "with (a as b, c):\n    pass\n",
		"type X[T: int = str] = list[T]\n", "class C[*Ts, **P](B): pass\n",
		"try:\n  pass\nexcept* E as e:\n  pass\n", "lambda *a, **k: (yield)\n",
		"print 'x'\n", "((((((", "x = '''\n", "\tif x:\n  pass\n", "@d\n",
		strings.Repeat("-", 5000) + "1\n", strings.Repeat("not ", 3000) + "x\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		pf, err := ParseFile("fuzz.py", src)
		if err != nil {
			if _, ok := err.(*token.Error); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		n := int32(len(pf.Src))
		ast.Inspect(pf.Module, func(node ast.Node) bool {
			if l, ok := node.(ast.Located); ok {
				if l.Pos() < 0 || l.Pos() > l.End() || l.End() > n {
					t.Fatalf("%T has range [%d, %d) outside the source (%d bytes)", node, l.Pos(), l.End(), n)
				}
			}
			return true
		})
		_ = ast.Dump(pf.Module, pf.Tok)
	})
}
