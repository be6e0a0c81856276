package parser

import (
	"reflect"
	"sync"

	"github.com/pyward/pyward/python/ast"
)

// slab hands out nodes of one type from arrays: names, attributes,
// calls, constants and simple statements are most of the objects a parse
// allocates, and one allocation per array instead of per node spares the
// allocator and the collector. The arrays double from 16 nodes to 256, so
// a small file wastes little. The nodes of a file live and die together,
// so an array kept alive by one node wastes little more.
//
// When the tree is released (File.Release), the arrays are cleared and up
// to a bound of them serve the next parse (see nodeArena).
type slab[T any] struct {
	free  []T
	size  int
	used  [][]T // every array handed out, for release
	spare [][]T // cleared arrays, handed out before new ones
}

func (s *slab[T]) next() *T {
	if len(s.free) == 0 {
		s.refill()
	}
	x := &s.free[0]
	s.free = s.free[1:]
	return x
}

func (s *slab[T]) refill() {
	if n := len(s.spare); n > 0 {
		s.free, s.spare = s.spare[n-1], s.spare[:n-1]
	} else {
		s.size = min(max(2*s.size, 16), 256)
		s.free = make([]T, s.size)
	}
	s.used = append(s.used, s.free)
}

// release clears the arrays handed out, keeping as spares as many as fit
// in spareBytes; the others are left to the collector.
func (s *slab[T]) release() {
	limit := spareBytes / int(reflect.TypeFor[T]().Size())
	kept := 0
	for _, a := range s.spare {
		kept += len(a)
	}
	for _, a := range s.used {
		if kept+len(a) <= limit {
			clear(a)
			s.spare = append(s.spare, a)
			kept += len(a)
		}
	}
	clear(s.used)
	s.used, s.free = s.used[:0], nil
}

// spareBytes bounds the cleared arrays each slab keeps between parses:
// they are memory the collector marks at every cycle and that counts
// against the memory limit, so only the arrays of an ordinary file are
// kept (a large one's are not).
const spareBytes = 96 << 10

// nodeArena is where a parse's commonest nodes and its lists of
// expressions come from. A File that is released (Release) gives its
// arena back to arenas, its arrays cleared, for the next parse: the
// nodes were a third of what a site-packages scan allocated.
type nodeArena struct {
	nameNodes slab[ast.Name]
	attrs     slab[ast.Attribute]
	calls     slab[ast.Call]
	constants slab[ast.Constant]
	exprStmts slab[ast.ExprStmt]
	assigns   slab[ast.Assign]
	exprLists exprArrays // the arrays popExprs carves lists from
	kws       []kw       // the keyword classes of a parse's tokens (see classify)
}

// exprArrays hands out the arrays popExprs carves lists from, one at a
// time, with spares kept as slab keeps them.
type exprArrays struct {
	used, spare []*[exprArray]ast.Expr
}

func (e *exprArrays) next() *[exprArray]ast.Expr {
	var a *[exprArray]ast.Expr
	if n := len(e.spare); n > 0 {
		a, e.spare = e.spare[n-1], e.spare[:n-1]
	} else {
		a = new([exprArray]ast.Expr)
	}
	e.used = append(e.used, a)
	return a
}

func (e *exprArrays) release() {
	limit := spareBytes / int(reflect.TypeFor[[exprArray]ast.Expr]().Size())
	for _, a := range e.used {
		if len(e.spare) < limit {
			clear(a[:])
			e.spare = append(e.spare, a)
		}
	}
	clear(e.used)
	e.used = e.used[:0]
}

var arenas = sync.Pool{New: func() any { return new(nodeArena) }}

func (a *nodeArena) release() {
	a.nameNodes.release()
	a.attrs.release()
	a.calls.release()
	a.constants.release()
	a.exprStmts.release()
	a.assigns.release()
	a.exprLists.release()
	if cap(a.kws) > spareBytes {
		a.kws = nil // a large file's: not kept
	}
}

// Release gives the file's syntax tree back to the parser, for the next
// parse to reuse its memory. Nothing may look at the tree (Module, or a
// node of it kept elsewhere) afterwards: Module is set to nil, and the
// nodes are cleared and handed out again. Releasing is optional: a tree
// never released is collected as any other value.
func (f *File) Release() {
	if f.nodes == nil {
		return
	}
	f.Module = nil
	f.nodes.release()
	arenas.Put(f.nodes)
	f.nodes = nil
}

const maxCarved, exprArray = 16, 256 // longer lists get an array of their own

// popExprs moves the expressions above mark on p.stack into a slice of
// their own, carved from a shared array: the lists of a call's arguments
// used to grow by appending, one allocation per doubling. The slice's
// capacity is its length, so appending to it never writes into its
// neighbour's elements.
func (p *parser) popExprs(mark int) []ast.Expr {
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
			p.exprs = p.exprLists.next()[:]
		}
		out = p.exprs[:n:n]
		p.exprs = p.exprs[n:]
	}
	copy(out, xs)
	clear(xs) // the stack does not keep what the tree no longer holds
	p.stack = p.stack[:mark]
	return out
}
