package parser

import (
	"github.com/pyward/pyward/python/ast"
	"github.com/pyward/pyward/python/literal"
	"github.com/pyward/pyward/python/token"
)

// Strings follow CPython 3.11's tree shape and positions, the oracle on this
// machine, while the tokens are PEP 701's (3.12), so that nested quotes and
// the rest of 3.12's f-string syntax are read:
//   - adjacent literals concatenate into one Constant, or into one JoinedStr
//     when any of them is an f-string, whose literal pieces merge;
//   - every Constant and FormattedValue made for an f-string spans the whole
//     concatenation, as in 3.11;
//   - a format spec's JoinedStr, and the literal piece that ends it, span
//     the f-string token holding it;
//   - an unparenthesised tuple or generator in a replacement field spans
//     the braces, because 3.11 parses the field as "(" + text + ")";
//   - kind='u' marks every Constant when the first literal has a u prefix.

// fstringCtx is what a replacement field needs from its enclosing f-string.
type fstringCtx struct {
	whole    ast.Loc // the whole concatenation
	tokSpan  ast.Loc // this f-string token run: FSTRING_START to FSTRING_END
	raw      bool
	u        bool
	litLoc   ast.Loc // where literal Constants go: whole, or a format spec's span
	lit      []byte  // literal text not yet flushed into a Constant
	litValid bool    // lit holds a piece (possibly empty) that must be flushed
}

// stringPrefix splits a string token into its prefix flags and body.
func stringPrefix(text []byte) (raw, bytes, u, f bool, quoteStart int) {
	i := 0
	for ; i < len(text); i++ {
		switch text[i] {
		case 'r', 'R':
			raw = true
		case 'b', 'B':
			bytes = true
		case 'u', 'U':
			u = true
		case 'f', 'F':
			f = true
		default:
			return raw, bytes, u, f, i
		}
	}
	return raw, bytes, u, f, i
}

// stringBody returns the text between the quotes of a complete STRING token.
func stringBody(text []byte, quoteStart int) []byte {
	q := 1
	if len(text)-quoteStart >= 6 && text[quoteStart+1] == text[quoteStart] && text[quoteStart+2] == text[quoteStart] {
		q = 3
	}
	return text[quoteStart+q : len(text)-q]
}

// stringsEnd returns the index just past the run of string tokens that
// starts at index i, skipping whole f-strings with whatever they nest.
func (p *parser) stringsEnd(i int) int {
	for i < len(p.toks) {
		switch p.toks[i].Kind {
		case token.STRING:
			i++
		case token.FSTRING_START:
			i = p.fstringEnd(i) + 1
		default:
			return i
		}
	}
	return i
}

// fstringEnd returns the index of the FSTRING_END matching the
// FSTRING_START at i, or the last token when there is none (an error that
// parsing will meet).
func (p *parser) fstringEnd(i int) int {
	depth := 0
	for ; i < len(p.toks); i++ {
		switch p.toks[i].Kind {
		case token.FSTRING_START:
			depth++
		case token.FSTRING_END:
			depth--
			if depth == 0 {
				return i
			}
		case token.ERRORTOKEN, token.ENDMARKER:
			return i
		}
	}
	return len(p.toks) - 1
}

// parseStrings parses
//
//	strings: (fstring | string)+
func (p *parser) parseStrings() ast.Expr {
	first := p.tok()
	end := p.stringsEnd(p.p)
	last := p.toks[end-1]
	if last.Kind == token.ERRORTOKEN {
		last = p.toks[end-2]
	}
	whole := loc(first.Start, last.End)

	// Fast path: one plain literal.
	if first.Kind == token.STRING && end == p.p+1 {
		p.next()
		c := p.constants.next()
		*c = ast.Constant{Loc: whole}
		p.decodeString(first, c)
		return c
	}

	_, _, u, _, _ := stringPrefix(p.text(first))
	ctx := fstringCtx{whole: whole, litLoc: whole, u: u}
	var values []ast.Expr
	sawBytes, sawStr, sawF := false, false, false
	for p.p < end {
		t := p.tok()
		if t.Kind == token.STRING {
			raw, isBytes, _, _, qs := stringPrefix(p.text(t))
			if isBytes {
				sawBytes = true
			} else {
				sawStr = true
			}
			if sawBytes && sawStr {
				p.errorAt(token.SyntaxError, first.Start, last.End, "cannot mix bytes and nonbytes literals")
			}
			s, err := literal.DecodeString(stringBody(p.text(t), qs), raw, isBytes)
			if err != nil {
				p.errorAt(token.SyntaxError, t.Start, t.End, err.Error())
			}
			ctx.lit = append(ctx.lit, s...)
			ctx.litValid = true
			p.next()
			continue
		}
		if t.Kind != token.FSTRING_START {
			p.syntaxError()
		}
		sawF, sawStr = true, true
		if sawBytes {
			p.errorAt(token.SyntaxError, first.Start, last.End, "cannot mix bytes and nonbytes literals")
		}
		values = p.parseFString(&ctx, values)
	}
	if !sawF {
		c := &ast.Constant{Loc: whole, U: u}
		if sawBytes {
			c.Kind = ast.ConstBytes
		} else {
			c.Kind = ast.ConstStr
		}
		c.Str = string(ctx.lit)
		return c
	}
	values = ctx.flush(values)
	if values == nil {
		values = []ast.Expr{}
	}
	return &ast.JoinedStr{Loc: whole, Values: values}
}

// flush appends the pending literal text as a Constant; empty text makes
// no Constant, as in CPython.
func (c *fstringCtx) flush(values []ast.Expr) []ast.Expr {
	if len(c.lit) > 0 {
		values = append(values, &ast.Constant{Loc: c.litLoc, Kind: ast.ConstStr, Str: string(c.lit), U: c.u})
	}
	c.lit = c.lit[:0]
	c.litValid = false
	return values
}

// decodeString fills c from one complete STRING token.
func (p *parser) decodeString(t token.Token, c *ast.Constant) {
	text := p.text(t)
	raw, isBytes, u, _, qs := stringPrefix(text)
	body := stringBody(text, qs)
	c.U = u
	if isBytes {
		c.Kind = ast.ConstBytes
	} else {
		c.Kind = ast.ConstStr
	}
	s, err := literal.DecodeString(body, raw, isBytes)
	if err != nil {
		p.errorAt(token.SyntaxError, t.Start, t.End, err.Error())
	}
	c.Str = s
}

// parseFString parses one f-string token run:
//
//	fstring: FSTRING_START fstring_middle* FSTRING_END
//	fstring_middle: fstring_replacement_field | FSTRING_MIDDLE
func (p *parser) parseFString(ctx *fstringCtx, values []ast.Expr) []ast.Expr {
	startTok := p.tok()
	endIdx := p.fstringEnd(p.p)
	raw, _, _, _, _ := stringPrefix(p.text(startTok))
	outerRaw, outerSpan := ctx.raw, ctx.tokSpan
	ctx.raw = raw
	ctx.tokSpan = loc(startTok.Start, p.toks[endIdx].End)
	p.next()
	for {
		switch p.kind() {
		case token.FSTRING_MIDDLE:
			p.appendMiddle(ctx)
		case token.LBRACE:
			values = p.parseReplacementField(ctx, values)
		case token.FSTRING_END:
			p.next()
			ctx.raw, ctx.tokSpan = outerRaw, outerSpan
			return values
		default:
			p.syntaxError()
		}
	}
}

// parseReplacementField parses
//
//	fstring_replacement_field:
//	    '{' (yield_expr | star_expressions) '='? [fstring_conversion] [fstring_full_format_spec] '}'
//	fstring_conversion: "!" NAME
//	fstring_full_format_spec: ':' fstring_format_spec*
//
// and appends the FormattedValue, preceded by any pending literal text (and
// the `=` debug text, which joins it).
func (p *parser) parseReplacementField(ctx *fstringCtx, values []ast.Expr) []ast.Expr {
	lbrace := p.tok()
	p.next()
	if p.kind() == token.RBRACE {
		t := p.tok()
		p.errorAt(token.SyntaxError, t.Start, t.End, "f-string: empty expression not allowed")
	}
	var e ast.Expr
	if p.kw() == kwYield {
		e = p.parseYieldExpr()
	} else {
		first := p.parseStarExpression()
		switch {
		case p.kind() == token.COMMA:
			elts := []ast.Expr{first}
			for p.got(token.COMMA) && p.startsExpression() {
				elts = append(elts, p.parseStarExpression())
			}
			// 3.11 wraps the field in parentheses: the tuple spans the braces.
			e = &ast.Tuple{Loc: loc(lbrace.Start, p.tok().Start+1), Elts: elts, Ctx: ast.Load}
		case p.startsComprehension():
			gens := p.parseForIfClauses()
			e = &ast.GeneratorExp{Loc: loc(lbrace.Start, p.tok().Start+1), Elt: first, Generators: gens}
		default:
			e = first
		}
	}
	conversion := -1
	debug := false
	if p.kind() == token.EQUAL {
		p.next()
		debug = true
		ctx.lit = append(ctx.lit, p.src[lbrace.End:p.tok().Start]...)
	}
	if p.kind() == token.EXCLAMATION {
		bang := p.tok()
		p.next()
		t := p.tok()
		name := p.text(t)
		if t.Kind != token.NAME || t.Start != bang.End || name[0] != 's' && name[0] != 'r' && name[0] != 'a' {
			p.errorAt(token.SyntaxError, bang.Start, t.End, "f-string: invalid conversion character: expected 's', 'r', or 'a'")
		}
		if len(name) != 1 {
			p.errorAt(token.SyntaxError, t.Start, t.End, "f-string: expecting '}'")
		}
		conversion = int(name[0])
		p.next()
	}
	var spec ast.Expr
	if p.kind() == token.COLON {
		p.next()
		spec = p.parseFormatSpec(ctx)
	}
	if p.kind() != token.RBRACE {
		t := p.tok()
		if t.Kind == token.ERRORTOKEN {
			p.failTok()
		}
		p.errorAt(token.SyntaxError, t.Start, t.End, "f-string: expecting '}'")
	}
	p.next()
	if debug && conversion == -1 && spec == nil {
		conversion = 'r'
	}
	values = ctx.flush(values)
	return append(values, &ast.FormattedValue{Loc: ctx.whole, Value: e, Conversion: conversion, FormatSpec: spec})
}

// parseFormatSpec parses
//
//	fstring_format_spec: FSTRING_MIDDLE | fstring_replacement_field
//
// up to the '}' that closes the field.
func (p *parser) parseFormatSpec(ctx *fstringCtx) ast.Expr {
	spanLoc := ctx.tokSpan
	// The spec's pieces are collected apart from the outer literal text.
	// 3.11 places a piece that precedes a nested field at the whole
	// concatenation, like every other f-string part, but the spec's
	// trailing piece at the spec's own span (its FstringParser_Finish).
	outerLit, outerLoc := ctx.lit, ctx.litLoc
	ctx.lit = nil
	var values []ast.Expr
	for {
		switch p.kind() {
		case token.FSTRING_MIDDLE:
			p.appendMiddle(ctx)
		case token.LBRACE:
			values = p.parseReplacementField(ctx, values)
		default:
			ctx.litLoc = spanLoc
			values = ctx.flush(values)
			ctx.lit, ctx.litLoc = outerLit, outerLoc
			if values == nil {
				values = []ast.Expr{}
			}
			return &ast.JoinedStr{Loc: spanLoc, Values: values}
		}
	}
}

// appendMiddle decodes the current FSTRING_MIDDLE into the pending literal.
func (p *parser) appendMiddle(ctx *fstringCtx) {
	t := p.tok()
	s, err := literal.DecodeFStringMiddle(p.text(t), ctx.raw)
	if err != nil {
		p.errorAt(token.SyntaxError, t.Start, t.End, err.Error())
	}
	ctx.lit = append(ctx.lit, s...)
	p.next()
}
