package rules

import (
	"strings"

	"github.com/pyward/pyward/python/ast"
)

// lastPart is the text after the last dot of a qualified name.
func lastPart(q string) string { return q[strings.LastIndexByte(q, '.')+1:] }

// firstPart is the text before the first dot of a qualified name.
func firstPart(q string) string {
	if i := strings.IndexByte(q, '.'); i >= 0 {
		return q[:i]
	}
	return q
}

// hasPart reports whether one dotted component of q is exactly part.
func hasPart(q, part string) bool {
	for _, p := range strings.Split(q, ".") {
		if p == part {
			return true
		}
	}
	return false
}

// importContains reports whether some name imported so far contains s.
func (c *Context) importContains(s string) bool {
	for _, q := range c.imported {
		if strings.Contains(q, s) {
			return true
		}
	}
	return false
}

// intConst returns the value of an int constant that fits in int64.
func intConst(e ast.Expr) (int64, bool) {
	if c, ok := e.(*ast.Constant); ok && c.Kind == ast.ConstInt && c.BigInt == nil {
		return c.Int, true
	}
	return 0, false
}

// isConst reports whether e is the constant True, False or None.
func isConst(e ast.Expr, k ast.ConstKind) bool {
	c, ok := e.(*ast.Constant)
	return ok && c.Kind == k
}

// nameIs reports whether e is a name or attribute whose last name is one of
// names.
func nameIs(e ast.Expr, names ...string) bool {
	switch n := e.(type) {
	case *ast.Name:
		return inList(n.ID, names)
	case *ast.Attribute:
		return inList(n.Attr, names)
	}
	return false
}
