package parser

import (
	"strconv"

	"github.com/pyward/pyward/python/ast"
	"github.com/pyward/pyward/python/literal"
	"github.com/pyward/pyward/python/token"
)

// tryMatch parses a match statement if the soft keyword starts one:
//
//	match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
//
// Up to the NEWLINE the attempt is speculative, because `match` is an
// ordinary name everywhere else (`match(x)`, `match = 1`); nil means it was
// not a match statement and nothing was consumed.
func (p *parser) tryMatch() ast.Stmt {
	start := p.tok()
	var subject ast.Expr
	ok := p.try(func() {
		p.next()
		subject = p.parseSubject()
		if p.kind() != token.COLON || p.peekKind(1) != token.NEWLINE {
			panic(syntaxFail{})
		}
	})
	if !ok {
		return nil
	}
	p.next() // ':'
	p.next() // NEWLINE
	if p.kind() != token.INDENT {
		t := p.tok()
		if t.Kind == token.ERRORTOKEN {
			p.failTok()
		}
		l, _ := p.file.Position(start.Start)
		p.errorAt(token.IndentationError, t.Start, t.End, "expected an indented block after 'match' statement on line "+strconv.Itoa(l))
	}
	p.next()
	p.enter()
	var cases []*ast.MatchCase
	for p.kind() != token.DEDENT && p.kind() != token.ENDMARKER {
		if p.kw() != softCase {
			p.syntaxError()
		}
		cases = append(cases, p.parseCaseBlock())
	}
	p.leave()
	p.got(token.DEDENT)
	return &ast.Match{Loc: loc(start.Start, p.prev), Subject: subject, Cases: cases}
}

// parseSubject parses
//
//	subject_expr: star_named_expression ',' star_named_expressions? | named_expression
func (p *parser) parseSubject() ast.Expr {
	start := p.tok().Start
	first := p.parseStarNamedExpression()
	if p.kind() != token.COMMA {
		if _, ok := first.(*ast.Starred); ok {
			p.syntaxError()
		}
		return first
	}
	elts := []ast.Expr{first}
	for p.got(token.COMMA) && p.startsExpression() {
		elts = append(elts, p.parseStarNamedExpression())
	}
	return &ast.Tuple{Loc: loc(start, p.prev), Elts: elts, Ctx: ast.Load}
}

// parseCaseBlock parses
//
//	case_block: "case" patterns guard? ':' block
//	guard: 'if' named_expression
func (p *parser) parseCaseBlock() *ast.MatchCase {
	caseTok := p.tok()
	p.next()
	c := &ast.MatchCase{Pattern: p.parsePatterns()}
	if p.gotKw(kwIf) {
		c.Guard = p.parseNamedExpression()
	}
	c.Body = p.parseBlock("'case' statement", caseTok.Start)
	return c
}

// parsePatterns parses
//
//	patterns: open_sequence_pattern | pattern
//	open_sequence_pattern: maybe_star_pattern ',' maybe_sequence_pattern?
func (p *parser) parsePatterns() ast.Pattern {
	start := p.tok().Start
	first := p.parseMaybeStarPattern()
	if p.kind() != token.COMMA {
		if _, ok := first.(*ast.MatchStar); ok {
			p.errorNode(first, "invalid syntax")
		}
		return first
	}
	pats := []ast.Pattern{first}
	for p.got(token.COMMA) && p.kind() != token.COLON && p.kw() != kwIf {
		pats = append(pats, p.parseMaybeStarPattern())
	}
	return &ast.MatchSequence{Loc: loc(start, p.prev), Patterns: pats}
}

// parseMaybeStarPattern parses
//
//	maybe_star_pattern: star_pattern | pattern
//	star_pattern: '*' pattern_capture_target | '*' wildcard_pattern
func (p *parser) parseMaybeStarPattern() ast.Pattern {
	t := p.tok()
	if t.Kind != token.STAR {
		return p.parsePattern()
	}
	p.next()
	n := p.expectName()
	s := &ast.MatchStar{Loc: loc(t.Start, n.End)}
	if p.kws[p.p-1] != softUnderscore {
		name := p.identifier(n)
		s.Name = &name
	}
	return s
}

// parsePattern parses
//
//	pattern: as_pattern | or_pattern
//	as_pattern: or_pattern 'as' pattern_capture_target
//	or_pattern: '|'.closed_pattern+
func (p *parser) parsePattern() ast.Pattern {
	start := p.tok().Start
	p.enter()
	pat := p.parseClosedPattern()
	if p.kind() == token.VBAR {
		pats := []ast.Pattern{pat}
		for p.got(token.VBAR) {
			pats = append(pats, p.parseClosedPattern())
		}
		pat = &ast.MatchOr{Loc: loc(start, p.prev), Patterns: pats}
	}
	if p.gotKw(kwAs) {
		t := p.tok()
		if p.kw() == softUnderscore {
			p.errorAt(token.SyntaxError, t.Start, t.End, "cannot use '_' as a target")
		}
		if t.Kind != token.NAME || p.kw().isHard() {
			p.errorAt(token.SyntaxError, t.Start, t.End, "invalid pattern target")
		}
		n := p.identifier(p.expectName())
		pat = &ast.MatchAs{Loc: loc(start, p.prev), Pattern: pat, Name: &n}
	}
	p.leave()
	return pat
}

// parseClosedPattern parses
//
//	closed_pattern:
//	    | literal_pattern | capture_pattern | wildcard_pattern | value_pattern
//	    | group_pattern | sequence_pattern | mapping_pattern | class_pattern
func (p *parser) parseClosedPattern() ast.Pattern {
	t := p.tok()
	switch t.Kind {
	case token.NUMBER, token.MINUS, token.STRING, token.FSTRING_START:
		v := p.parseLiteralExpr()
		return &ast.MatchValue{Loc: loc(t.Start, p.prev), Value: v}
	case token.LPAR:
		return p.parseParenPattern()
	case token.LSQB:
		p.next()
		var pats []ast.Pattern
		for p.kind() != token.RSQB {
			pats = append(pats, p.parseMaybeStarPattern())
			if !p.got(token.COMMA) {
				break
			}
		}
		p.expect(token.RSQB)
		if pats == nil {
			pats = []ast.Pattern{}
		}
		return &ast.MatchSequence{Loc: loc(t.Start, p.prev), Patterns: pats}
	case token.LBRACE:
		return p.parseMappingPattern()
	case token.NAME:
		switch p.kw() {
		case kwNoneLit, kwTrue, kwFalse:
			c := &ast.Constant{Loc: loc(t.Start, t.End)}
			switch p.kw() {
			case kwNoneLit:
				c.Kind = ast.ConstNone
			case kwTrue:
				c.Kind = ast.ConstTrue
			default:
				c.Kind = ast.ConstFalse
			}
			p.next()
			return &ast.MatchSingleton{Loc: loc(t.Start, t.End), Value: c}
		}
		if p.kw().isHard() {
			p.syntaxError()
		}
		// capture, wildcard, value or class pattern
		if p.peekKind(1) != token.DOT && p.peekKind(1) != token.LPAR {
			p.next()
			if p.kind() == token.EQUAL {
				p.syntaxError()
			}
			if p.kws[p.p-1] == softUnderscore {
				return &ast.MatchAs{Loc: loc(t.Start, t.End)}
			}
			name := p.identifier(t)
			return &ast.MatchAs{Loc: loc(t.Start, t.End), Name: &name}
		}
		var e ast.Expr = &ast.Name{Loc: loc(t.Start, t.End), ID: p.identifier(t), Ctx: ast.Load}
		p.next()
		saved := p.chainStart()
		for p.got(token.DOT) {
			n := p.expectName()
			e = &ast.Attribute{Loc: loc(t.Start, n.End), Value: e, Attr: p.identifier(n), Ctx: ast.Load}
			p.link()
		}
		p.chainEnd(saved)
		if p.kind() == token.LPAR {
			return p.parseClassPattern(e, t.Start)
		}
		return &ast.MatchValue{Loc: loc(t.Start, p.prev), Value: e}
	}
	p.syntaxError()
	return nil
}

// parseParenPattern parses
//
//	group_pattern: '(' pattern ')'
//	sequence_pattern: '(' open_sequence_pattern? ')'
func (p *parser) parseParenPattern() ast.Pattern {
	lpar := p.tok()
	p.next()
	if p.got(token.RPAR) {
		return &ast.MatchSequence{Loc: loc(lpar.Start, p.prev), Patterns: []ast.Pattern{}}
	}
	first := p.parseMaybeStarPattern()
	if p.kind() != token.COMMA {
		p.expect(token.RPAR)
		if _, ok := first.(*ast.MatchStar); ok {
			p.errorNode(first, "invalid syntax")
		}
		return first
	}
	pats := []ast.Pattern{first}
	for p.got(token.COMMA) && p.kind() != token.RPAR {
		pats = append(pats, p.parseMaybeStarPattern())
	}
	p.expect(token.RPAR)
	return &ast.MatchSequence{Loc: loc(lpar.Start, p.prev), Patterns: pats}
}

// parseLiteralExpr parses the value of a literal pattern or a mapping key:
//
//	literal_expr:
//	    | signed_number !('+' | '-') | complex_number | strings
//	    | 'None' | 'True' | 'False'
//	complex_number: signed_real_number ('+' | '-') imaginary_number
//	signed_number: NUMBER | '-' NUMBER
func (p *parser) parseLiteralExpr() ast.Expr {
	t := p.tok()
	switch t.Kind {
	case token.STRING, token.FSTRING_START:
		s := p.parseStrings()
		if _, ok := s.(*ast.JoinedStr); ok {
			p.errorNode(s, "patterns may only match literals and attribute lookups")
		}
		return s
	case token.NAME:
		c := &ast.Constant{Loc: loc(t.Start, t.End)}
		switch p.kw() {
		case kwNoneLit:
			c.Kind = ast.ConstNone
		case kwTrue:
			c.Kind = ast.ConstTrue
		case kwFalse:
			c.Kind = ast.ConstFalse
		default:
			p.syntaxError()
		}
		p.next()
		return c
	}
	var left ast.Expr
	if t.Kind == token.MINUS {
		p.next()
		n := p.expect(token.NUMBER)
		c := p.numberConstant(n)
		left = &ast.UnaryOp{Loc: loc(t.Start, n.End), Op: ast.USub, Operand: c}
	} else {
		n := p.expect(token.NUMBER)
		left = p.numberConstant(n)
	}
	var op ast.Operator
	switch p.kind() {
	case token.PLUS:
		op = ast.Add
	case token.MINUS:
		op = ast.Sub
	default:
		return left
	}
	if isImaginary(left) {
		p.errorNode(left, "real number required in complex literal")
	}
	p.next()
	n := p.expect(token.NUMBER)
	right := p.numberConstant(n)
	if !isImaginary(right) {
		p.errorNode(right, "imaginary number required in complex literal")
	}
	return &ast.BinOp{Loc: loc(t.Start, p.prev), Left: left, Op: op, Right: right}
}

func isImaginary(e ast.Expr) bool {
	if u, ok := e.(*ast.UnaryOp); ok {
		e = u.Operand
	}
	c, ok := e.(*ast.Constant)
	return ok && c.Kind == ast.ConstComplex
}

// parseMappingPattern parses
//
//	mapping_pattern: '{' [items_pattern ','] [double_star_pattern] ','? '}'
//	key_value_pattern: (literal_expr | attr) ':' pattern
//	double_star_pattern: '**' pattern_capture_target
func (p *parser) parseMappingPattern() ast.Pattern {
	lbrace := p.tok()
	p.next()
	m := &ast.MatchMapping{Keys: []ast.Expr{}, Patterns: []ast.Pattern{}}
	for p.kind() != token.RBRACE {
		if p.got(token.DOUBLESTAR) {
			n := p.expectName()
			if p.kws[p.p-1] == softUnderscore {
				p.syntaxError()
			}
			rest := p.identifier(n)
			m.Rest = &rest
			p.got(token.COMMA)
			break
		}
		var key ast.Expr
		if t := p.tok(); t.Kind == token.NAME && !p.kw().isHard() {
			key = &ast.Name{Loc: loc(t.Start, t.End), ID: p.identifier(t), Ctx: ast.Load}
			p.next()
			if p.kind() != token.DOT {
				p.syntaxError()
			}
			for p.got(token.DOT) {
				n := p.expectName()
				key = &ast.Attribute{Loc: loc(t.Start, n.End), Value: key, Attr: p.identifier(n), Ctx: ast.Load}
			}
		} else {
			key = p.parseLiteralExpr()
		}
		p.expect(token.COLON)
		m.Keys = append(m.Keys, key)
		m.Patterns = append(m.Patterns, p.parsePattern())
		if !p.got(token.COMMA) {
			break
		}
	}
	p.expect(token.RBRACE)
	m.Loc = loc(lbrace.Start, p.prev)
	return m
}

// parseClassPattern parses
//
//	class_pattern: name_or_attr '(' [positional_patterns ','?] [keyword_patterns ','?] ')'
//	keyword_pattern: NAME '=' pattern
func (p *parser) parseClassPattern(cls ast.Expr, start int32) ast.Pattern {
	p.expect(token.LPAR)
	c := &ast.MatchClass{Cls: cls, Patterns: []ast.Pattern{}, KwdAttrs: []string{}, KwdPatterns: []ast.Pattern{}}
	for p.kind() != token.RPAR {
		t := p.tok()
		if t.Kind == token.NAME && p.peekKind(1) == token.EQUAL {
			p.next()
			p.next()
			c.KwdAttrs = append(c.KwdAttrs, p.identifier(t))
			c.KwdPatterns = append(c.KwdPatterns, p.parsePattern())
		} else {
			pat := p.parsePattern()
			if len(c.KwdAttrs) > 0 {
				p.errorNode(pat, "positional patterns follow keyword patterns")
			}
			c.Patterns = append(c.Patterns, pat)
		}
		if !p.got(token.COMMA) {
			break
		}
	}
	p.expect(token.RPAR)
	c.Loc = loc(start, p.prev)
	return c
}

// numberConstant makes the Constant of a NUMBER token.
func (p *parser) numberConstant(t token.Token) *ast.Constant {
	c := p.constants.next()
	*c = ast.Constant{Loc: loc(t.Start, t.End)}
	if err := literal.Number(p.text(t), c); err != nil {
		p.errorAt(token.SyntaxError, t.Start, t.End, err.Error())
	}
	return c
}
