package rules

import (
	"bytes"
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
	for q != "" {
		p := q
		if i := strings.IndexByte(q, '.'); i >= 0 {
			p, q = q[:i], q[i+1:]
		} else {
			q = ""
		}
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

// fnmatch reports whether name matches a shell pattern as Python's
// fnmatch.fnmatch does on POSIX: `*` matches any run of characters, `/`
// included; `?` one character; `[...]` a set, `[!...]` its complement.
func fnmatch(pattern, name string) bool {
	p, n := []rune(pattern), []rune(name)
	// Iterative matching with backtracking to the last star: linear in
	// practice, never exponential.
	pi, ni, star, mark := 0, 0, -1, 0
	for ni < len(n) {
		if pi < len(p) {
			switch p[pi] {
			case '*':
				star, mark = pi, ni
				pi++
				continue
			case '?':
				pi++
				ni++
				continue
			case '[':
				if end, ok := matchSet(p[pi:], n[ni]); end > 0 {
					if ok {
						pi += end
						ni++
						continue
					}
				} else if n[ni] == '[' { // an unclosed [ is a literal
					pi++
					ni++
					continue
				}
			default:
				if p[pi] == n[ni] {
					pi++
					ni++
					continue
				}
			}
		}
		if star < 0 {
			return false
		}
		mark++
		pi, ni = star+1, mark
	}
	for pi < len(p) && p[pi] == '*' {
		pi++
	}
	return pi == len(p)
}

// matchSet matches r against the set that opens p ("[...]"). It returns the
// set's length in p, 0 when the set is not closed, and whether r is in it.
func matchSet(p []rune, r rune) (int, bool) {
	i := 1
	negate := i < len(p) && p[i] == '!'
	if negate {
		i++
	}
	in := false
	first := true
	for ; i < len(p); i++ {
		if p[i] == ']' && !first {
			return i + 1, in != negate
		}
		first = false
		if i+2 < len(p) && p[i+1] == '-' && p[i+2] != ']' {
			if p[i] <= r && r <= p[i+2] {
				in = true
			}
			i += 2
			continue
		}
		if p[i] == r {
			in = true
		}
	}
	return 0, false
}

// eachIndex calls fn with every offset at which lit occurs in src, left
// to right, not overlapping.
func eachIndex(src []byte, lit string, fn func(i int)) {
	b := []byte(lit)
	for off := 0; ; {
		i := bytes.Index(src[off:], b)
		if i < 0 {
			return
		}
		fn(off + i)
		off += i + len(b)
	}
}
