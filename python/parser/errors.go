package parser

import (
	"strings"

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
	if k == token.COLON && t.Kind != token.ERRORTOKEN && p.spec == 0 {
		// "expected ':'" points at the end of the previous token.
		p.errorAt(token.SyntaxError, p.prev, p.prev, "expected ':'")
	}
	p.syntaxError()
}
