package rules

import (
	"strings"

	"github.com/pyward/pyward/python/ast"
)

// callRule completes a rule that flags calls whose qualified name is one of
// names: Bandit's call blacklist (B3xx). Confidence is always HIGH there.
func callRule(r *Rule, names []string) *Rule {
	r.Confidence = High
	r.Kinds = []Kind{KindCall}
	r.Calls = names
	r.Check = func(c *Context, n ast.Node) { c.Report(n.(*ast.Call)) }
	return r
}

// expand turns "a.{b,c}.d" into "a.b.d", "a.c.d", as the catalog writes
// families of names.
func expand(names ...string) []string {
	var out []string
	for _, n := range names {
		i := strings.IndexByte(n, '{')
		j := strings.IndexByte(n, '}')
		if i < 0 || j < i {
			out = append(out, n)
			continue
		}
		for _, alt := range strings.Split(n[i+1:j], ",") {
			out = append(out, expand(n[:i]+alt+n[j+1:])...)
		}
	}
	return out
}
