package parser

import "github.com/pyward/pyward/python/ast"

// slab hands out nodes of one type from arrays: names, attributes,
// calls, constants and simple statements are most of the objects a parse
// allocates, and one allocation per array instead of per node spares the
// allocator and the collector. The arrays double from 16 nodes to 256, so
// a small file wastes little. The nodes of a file live and die together,
// so an array kept alive by one node wastes little more.
type slab[T any] struct {
	free []T
	size int
}

func (s *slab[T]) next() *T {
	if len(s.free) == 0 {
		s.size = min(max(2*s.size, 16), 256)
		s.free = make([]T, s.size)
	}
	x := &s.free[0]
	s.free = s.free[1:]
	return x
}

// popExprs moves the expressions above mark on p.stack into a slice of
// their own, carved from a shared array: the lists of a call's arguments
// used to grow by appending, one allocation per doubling. The slice's
// capacity is its length, so appending to it never writes into its
// neighbour's elements.
func (p *parser) popExprs(mark int) []ast.Expr {
	const maxCarved, exprArray = 16, 256 // longer lists get an array of their own
	xs := p.stack[mark:]
	n := len(xs)
	var out []ast.Expr
	switch {
	case n == 0:
		out = []ast.Expr{}
	case n > maxCarved:
		out = make([]ast.Expr, n)
	default:
		if len(p.exprs) < n {
			p.exprs = make([]ast.Expr, exprArray)
		}
		out = p.exprs[:n:n]
		p.exprs = p.exprs[n:]
	}
	copy(out, xs)
	clear(xs) // the stack does not keep what the tree no longer holds
	p.stack = p.stack[:mark]
	return out
}
