package flow

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pyward/pyward/python/ast"
	"github.com/pyward/pyward/python/parser"
)

// testHost resolves names without imports' aliases: enough for modules
// that only `import os`.
type testHost struct{}

func (testHost) QualName(e ast.Expr) string {
	switch n := e.(type) {
	case *ast.Name:
		return n.ID
	case *ast.Attribute:
		if b := (testHost{}).QualName(n.Value); b != "" {
			return b + "." + n.Attr
		}
	}
	return ""
}
func (testHost) Fold(ast.Expr) (string, bool) { return "", false }
func (testHost) IsModule(q string) bool       { return q == "os" }

// chain is a module of n functions, each returning the next one's result
// inside an expression built by wrap, the last one passing its parameter
// to os.system, and a top-level call of the first with input().
func chain(n int, wrap func(call string) string) string {
	var b strings.Builder
	b.WriteString("import os\n")
	for i := 0; i < n-1; i++ {
		fmt.Fprintf(&b, "def f%d(x):\n    return %s\n", i, wrap(fmt.Sprintf("f%d(x)", i+1)))
	}
	fmt.Fprintf(&b, "def f%d(x):\n    os.system(x)\n    return x\n", n-1)
	b.WriteString("f0(input())\n")
	return b.String()
}

func analyzeSrc(t *testing.T, src string) []Event {
	t.Helper()
	f, err := parser.Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return Analyze(f.Module, testHost{}, nil, Options{})
}

func commandEvents(evs []Event) int {
	k := 0
	for _, e := range evs {
		if e.Family == "command" {
			k++
		}
	}
	return k
}

// Deep expressions inside deeply nested summaries: 300 functions each
// returning `f_{i+1}(x) + 1 + ... + 1` (3900 terms). Each summary's
// expression used to cost a stack frame per term, times the nesting of
// summaries: beyond Go's 1 GB stack, a fatal error no recover catches.
func TestDeepExpressionsInNestedSummaries(t *testing.T) {
	plus := func(call string) string { return call + strings.Repeat(" + 1", 3900) }
	analyzeSrc(t, chain(300, plus)) // must return
	// A chain within maxDepth is followed through its sums to the sink.
	if got := commandEvents(analyzeSrc(t, chain(100, plus))); got != 1 {
		t.Errorf("100 functions of sums: %d command events, want 1", got)
	}
}

// Expressions that stay deep however they are evaluated (3900 unary
// minuses) in 300 nested summaries: one budget
// across summaries bounds the recursion, and the value found past it is
// unknown instead of a crash.
func TestNestedCallsInNestedSummaries(t *testing.T) {
	wrap := func(call string) string {
		return strings.Repeat("-", 3900) + call
	}
	analyzeSrc(t, chain(300, wrap)) // must return
	// Calls nest summaries only while half of the budget is left: a short
	// chain is still followed to its sink.
	if got := commandEvents(analyzeSrc(t, chain(3, wrap))); got != 1 {
		t.Errorf("3 functions of unary minuses: %d command events, want 1", got)
	}
}
