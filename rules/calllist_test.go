package rules

import (
	"slices"
	"testing"

	"github.com/pyward/pyward/flow"

	"github.com/pyward/pyward/python/ast"
	"github.com/pyward/pyward/python/parser"
)

// TestCallListStretches checks what flow.CallLister promises: the calls
// the rules' walk lists are, for the body of every function of the
// standard library, the stretch between the body's first statement's
// start and its last one's end, in the order a walk of the body meets
// them.
func TestCallListStretches(t *testing.T) {
	files := parsedStdlib(t)
	if len(files) == 0 {
		t.Skip("no standard library to read")
	}
	for _, f := range files {
		var listed []*ast.Call
		probe := &Rule{ID: "TEST", Kinds: []Kind{KindEnd}, Check: func(c *Context, _ ast.Node) {
			calls, ok := (&flowHost{c: c}).Calls()
			if !ok {
				t.Fatalf("%s: the walk is over but the list is not complete", f.Name)
			}
			listed = slices.Clone(calls) // the lists are reused once the run is over
		}}
		NewSet([]*Rule{probe}).Run(f, nil)
		var walked []*ast.Call
		ast.Inspect(f.Module, func(n ast.Node) bool {
			if c, ok := n.(*ast.Call); ok {
				walked = append(walked, c)
			}
			return true
		})
		if !slices.Equal(listed, walked) {
			t.Fatalf("%s: %d calls listed, the walk meets %d", f.Name, len(listed), len(walked))
		}
		checkStretches(t, f, listed)
	}
}

func checkStretches(t *testing.T, f *parser.File, calls []*ast.Call) {
	checkBodies(t, f, "calls", func(body []ast.Stmt) []*ast.Call { return flow.BodyCalls(calls, body) },
		func(n ast.Node) (*ast.Call, bool) { c, ok := n.(*ast.Call); return c, ok })
}

// checkBodies checks, for the body of every function and class of f,
// that its stretch holds the nodes a walk of the body picks, in order.
func checkBodies[T comparable](t *testing.T, f *parser.File, what string, stretch func([]ast.Stmt) []T, pick func(ast.Node) (T, bool)) {
	t.Helper()
	ast.Inspect(f.Module, func(n ast.Node) bool {
		var body []ast.Stmt
		switch d := n.(type) {
		case *ast.FunctionDef:
			body = d.Body
		case *ast.AsyncFunctionDef:
			body = d.Body
		case *ast.ClassDef:
			body = d.Body
		}
		if len(body) == 0 {
			return true
		}
		var want []T
		for _, st := range body {
			ast.Inspect(st, func(m ast.Node) bool {
				if x, ok := pick(m); ok {
					want = append(want, x)
				}
				return true
			})
		}
		if got := stretch(body); !slices.Equal(got, want) {
			line, _ := f.Tok.Position(body[0].Pos())
			t.Fatalf("%s:%d: the stretch holds %d %s, the body %d", f.Name, line, len(got), what, len(want))
		}
		return true
	})
}
