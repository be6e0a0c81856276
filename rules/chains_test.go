package rules

import (
	"strings"
	"testing"

	"github.com/pyward/pyward/python/ast"
	"github.com/pyward/pyward/python/parser"
)

// TestDeepChainResolvesCheaply: resolving a name on a chain as deep as the
// parser allows costs a bounded amount of work, not one string per link:
// getattr(os.b.b…b, "x")() used to rebuild "os.b", "os.b.b", … down the
// whole chain, quadratic in its length (minutes for a file of them).
func TestDeepChainResolvesCheaply(t *testing.T) {
	src := "import os\ngetattr(os" + strings.Repeat(".b", 3900) + ", 'x')()\n"
	f, err := parser.ParseFile("x.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var outer *ast.Call
	ast.Inspect(f.Module, func(n ast.Node) bool {
		if c, ok := n.(*ast.Call); ok && outer == nil {
			outer = c
		}
		return true
	})
	c := &Context{File: f, aliases: map[string]string{"os": "os"}}
	allocs := testing.AllocsPerRun(5, func() { c.resolve(outer.Func, 0) })
	if allocs > 100 {
		t.Errorf("resolving the call allocates %.0f times: it walks the whole chain", allocs)
	}
	// Module paths of ordinary length still resolve.
	if got := callNames(t, "import os\ngetattr(os.path, 'join')('a')\n"); len(got) == 0 || got[0] != "os.path.join" {
		t.Errorf("getattr(os.path, 'join'): %v", got)
	}
}
