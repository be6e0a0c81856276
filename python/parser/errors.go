package parser

import (
	"strings"

	"github.com/pyward/pyward/python/ast"

	"github.com/pyward/pyward/python/token"
)

// errorAt stops the parse with an error spanning [start, end). While parsing
// speculatively it only signals failure, so that the caller can rewind.
func (p *parser) errorAt(kind token.ErrorKind, start, end int32, msg string) {
	if p.spec > 0 {
		panic(syntaxFail{})
	}
	e := &token.Error{Kind: kind, Msg: msg}
	e.Line, e.Col = p.file.CharColumn(start)
	if end > start {
		e.EndLine, e.EndCol = p.file.CharColumn(end)
	}
	panic(e)
}

// errorNode stops the parse with an error spanning a node.
func (p *parser) errorNode(n interface {
	Pos() int32
	End() int32
}, msg string) {
	p.errorAt(token.SyntaxError, n.Pos(), n.End(), msg)
}

// failTok reports the tokenizer's error: the parser has reached the point
// where the tokenizer gave up.
func (p *parser) failTok() {
	if p.spec > 0 {
		panic(syntaxFail{})
	}
	panic(p.tokErr)
}

// syntaxError is CPython's generic error at the current token, with the
// same refinements CPython applies before settling for "invalid syntax".
func (p *parser) syntaxError() {
	if p.spec > 0 {
		panic(syntaxFail{})
	}
	t := p.tok()
	switch t.Kind {
	case token.ERRORTOKEN:
		p.failTok()
	case token.INDENT:
		p.errorAt(token.IndentationError, t.Start, t.End, "unexpected indent")
	case token.DEDENT:
		p.errorAt(token.IndentationError, t.Start, t.End, "unexpected unindent")
	}
	// CPython tokenizes the rest of the file after a generic syntax error
	// and reports a tokenizer error found there instead.
	// Unclosed brackets are not such an error: CPython raises that one only
	// when the parser itself reaches the end of the file.
	if p.tokErr != nil && !strings.HasSuffix(p.tokErr.Msg, "was never closed") {
		panic(p.tokErr)
	}
	p.errorAt(token.SyntaxError, t.Start, t.End, "invalid syntax")
}

// errorExpected reports a missing token; CPython words a missing ':' and a
// few others specially.
func (p *parser) errorExpected(k token.Kind) {
	t := p.tok()
	if k == token.COLON && t.Kind == token.NEWLINE && p.spec == 0 {
		// "expected ':'" points at the end of the previous token.
		p.errorAt(token.SyntaxError, p.prev, p.prev, "expected ':'")
	}
	p.syntaxError()
}

// closeBracket consumes the closing bracket k after a display or call
// whose last element was last. When another expression follows instead,
// CPython suggests the missing comma.
func (p *parser) closeBracket(k token.Kind, last ast.Expr) {
	if p.kind() == k {
		p.next()
		return
	}
	p.errorMissingComma(last)
	p.errorExpected(k)
}

// errorMissingComma raises CPython's "Perhaps you forgot a comma?" when an
// expression directly follows last inside brackets (invalid_expression).
func (p *parser) errorMissingComma(last ast.Expr) {
	if last == nil || p.spec > 0 || p.kind() == token.STAR || !p.startsExpression() {
		return
	}
	switch n := last.(type) {
	case *ast.Lambda, *ast.IfExp, *ast.Starred, *ast.NamedExpr:
		return
	case *ast.Name:
		if n.ID == "print" || n.ID == "exec" {
			return
		}
	}
	// Not after `NAME STRING` (a string prefix typo) or a soft keyword.
	i := p.p
	for i > 0 && p.toks[i].Start > last.Pos() {
		i--
	}
	if p.kws[i] >= softMatch || p.toks[i].Kind == token.NAME && p.toks[i+1].Kind == token.STRING {
		return
	}
	p.errorAt(token.SyntaxError, last.Pos(), p.tok().End, "invalid syntax. Perhaps you forgot a comma?")
}

// checkStrayEquals words the error for `if x = 1:` as CPython does
// (invalid_named_expression).
func (p *parser) checkStrayEquals(e ast.Expr) {
	if p.kind() != token.EQUAL || p.spec > 0 {
		return
	}
	switch n := e.(type) {
	case *ast.Name:
		p.errorAt(token.SyntaxError, n.Start, p.tok().End, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
	case *ast.List, *ast.Tuple, *ast.GeneratorExp:
	case *ast.Constant:
		if n.Kind != ast.ConstTrue && n.Kind != ast.ConstFalse && n.Kind != ast.ConstNone {
			p.errorNode(e, "cannot assign to "+exprName(e)+" here. Maybe you meant '==' instead of '='?")
		}
	default:
		if bitwiseOrLevel(e) {
			p.errorNode(e, "cannot assign to "+exprName(e)+" here. Maybe you meant '==' instead of '='?")
		}
	}
}

// bitwiseOrLevel reports whether e, unparenthesised, is a bitwise_or in the
// grammar: not a comparison, boolean operation, `not`, conditional, lambda,
// named expression, yield or starred expression.
func bitwiseOrLevel(e ast.Expr) bool {
	switch n := e.(type) {
	case *ast.Compare, *ast.BoolOp, *ast.IfExp, *ast.Lambda, *ast.NamedExpr, *ast.Yield, *ast.YieldFrom, *ast.Starred:
		return false
	case *ast.UnaryOp:
		return n.Op != ast.Not
	}
	return true
}
