package parser

import (
	"github.com/pyward/pyward/python/ast"
	"github.com/pyward/pyward/python/token"
)

// Node positions follow CPython's EXTRA convention: a node spans from the
// first token its grammar rule consumed to the last one. So `(a) + b` is a
// BinOp starting at the parenthesis while its left operand starts at `a`.
// Every rule therefore records the start offset of its first token and
// closes with p.prev, never with its children's positions.

func loc(start, end int32) ast.Loc { return ast.Loc{Start: start, Stop: end} }

// startsExpression reports whether the current token can begin an
// expression (or a starred one).
func (p *parser) startsExpression() bool {
	switch p.kind() {
	case token.NAME:
		k := p.kw()
		if !k.isHard() {
			return true
		}
		switch k {
		case kwFalse, kwNoneLit, kwTrue, kwLambda, kwNot, kwAwait:
			return true
		}
		return false
	case token.NUMBER, token.STRING, token.FSTRING_START, token.LPAR, token.LSQB, token.LBRACE,
		token.MINUS, token.PLUS, token.TILDE, token.STAR, token.ELLIPSIS:
		return true
	}
	return false
}

// parseStarExpressions parses
//
//	star_expressions:
//	    | star_expression (',' star_expression)+ [',']
//	    | star_expression ','
//	    | star_expression
func (p *parser) parseStarExpressions() ast.Expr {
	start := p.tok().Start
	e := p.parseStarExpression()
	if p.kind() != token.COMMA {
		return e
	}
	elts := []ast.Expr{e}
	for p.got(token.COMMA) && p.startsExpression() {
		elts = append(elts, p.parseStarExpression())
	}
	return &ast.Tuple{Loc: loc(start, p.prev), Elts: elts, Ctx: ast.Load}
}

// parseStarExpression parses
//
//	star_expression: '*' bitwise_or | expression
func (p *parser) parseStarExpression() ast.Expr {
	if p.kind() == token.STAR {
		start := p.tok().Start
		p.next()
		v := p.parseBitOr()
		return &ast.Starred{Loc: loc(start, p.prev), Value: v, Ctx: ast.Load}
	}
	return p.parseExpression()
}

// parseStarNamedExpression parses
//
//	star_named_expression: '*' bitwise_or | named_expression
func (p *parser) parseStarNamedExpression() ast.Expr {
	if p.kind() == token.STAR {
		start := p.tok().Start
		p.next()
		v := p.parseBitOr()
		return &ast.Starred{Loc: loc(start, p.prev), Value: v, Ctx: ast.Load}
	}
	return p.parseNamedExpression()
}

// parseNamedExpression parses
//
//	named_expression: NAME ':=' expression | expression !':='
func (p *parser) parseNamedExpression() ast.Expr {
	t := p.tok()
	if t.Kind == token.NAME && p.peekKind(1) == token.COLONEQUAL && !p.kw().isHard() {
		p.next()
		target := &ast.Name{Loc: loc(t.Start, t.End), ID: p.identifier(t), Ctx: ast.Store}
		p.next()
		v := p.parseExpression()
		return &ast.NamedExpr{Loc: loc(t.Start, p.prev), Target: target, Value: v}
	}
	e := p.parseExpression()
	if p.kind() == token.COLONEQUAL {
		p.errorNode(e, "cannot use assignment expressions with "+exprName(e))
	}
	return e
}

// parseExpression parses
//
//	expression:
//	    | disjunction 'if' disjunction 'else' expression
//	    | disjunction
//	    | lambdef
func (p *parser) parseExpression() ast.Expr {
	p.enter()
	if p.kw() == kwLambda {
		e := p.parseLambda()
		p.leave()
		return e
	}
	start := p.tok().Start
	e := p.parseDisjunction()
	if p.kw() == kwIf {
		p.next()
		test := p.parseDisjunction()
		if !p.gotKw(kwElse) {
			if p.spec > 0 {
				panic(syntaxFail{})
			}
			p.errorAt(token.SyntaxError, start, p.prev, "expected 'else' after 'if' expression")
		}
		orelse := p.parseExpression()
		e = &ast.IfExp{Loc: loc(start, p.prev), Test: test, Body: e, Orelse: orelse}
	}
	p.leave()
	return e
}

// parseDisjunction parses
//
//	disjunction: conjunction ('or' conjunction)+ | conjunction
func (p *parser) parseDisjunction() ast.Expr {
	start := p.tok().Start
	e := p.parseConjunction()
	if p.kw() != kwOr {
		return e
	}
	values := []ast.Expr{e}
	for p.gotKw(kwOr) {
		values = append(values, p.parseConjunction())
	}
	return &ast.BoolOp{Loc: loc(start, p.prev), Op: ast.Or, Values: values}
}

// parseConjunction parses
//
//	conjunction: inversion ('and' inversion)+ | inversion
func (p *parser) parseConjunction() ast.Expr {
	start := p.tok().Start
	e := p.parseInversion()
	if p.kw() != kwAnd {
		return e
	}
	values := []ast.Expr{e}
	for p.gotKw(kwAnd) {
		values = append(values, p.parseInversion())
	}
	return &ast.BoolOp{Loc: loc(start, p.prev), Op: ast.And, Values: values}
}

// parseInversion parses
//
//	inversion: 'not' inversion | comparison
func (p *parser) parseInversion() ast.Expr {
	if p.kw() == kwNot {
		start := p.tok().Start
		p.next()
		p.enter()
		operand := p.parseInversion()
		p.leave()
		return &ast.UnaryOp{Loc: loc(start, p.prev), Op: ast.Not, Operand: operand}
	}
	return p.parseComparison()
}

// parseComparison parses
//
//	comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
func (p *parser) parseComparison() ast.Expr {
	start := p.tok().Start
	e := p.parseBitOr()
	var ops []ast.CmpOp
	var comps []ast.Expr
	for {
		var op ast.CmpOp
		switch p.kind() {
		case token.EQEQUAL:
			op = ast.Eq
		case token.NOTEQUAL:
			op = ast.NotEq
		case token.LESS:
			op = ast.Lt
		case token.LESSEQUAL:
			op = ast.LtE
		case token.GREATER:
			op = ast.Gt
		case token.GREATEREQUAL:
			op = ast.GtE
		case token.NAME:
			switch p.kw() {
			case kwIn:
				op = ast.In
			case kwIs:
				op = ast.Is
				if p.kwAt(p.p+1) == kwNot {
					p.next()
					op = ast.IsNot
				}
			case kwNot:
				if p.kwAt(p.p+1) != kwIn {
					goto done
				}
				p.next()
				op = ast.NotIn
			default:
				goto done
			}
		default:
			goto done
		}
		p.next()
		ops = append(ops, op)
		comps = append(comps, p.parseBitOr())
	}
done:
	if ops == nil {
		return e
	}
	return &ast.Compare{Loc: loc(start, p.prev), Left: e, Ops: ops, Comparators: comps}
}

// binaryOp gives the operator and precedence of a binary-operator token:
//
//	bitwise_or: bitwise_or '|' bitwise_xor     (1)
//	bitwise_xor: bitwise_xor '^' bitwise_and   (2)
//	bitwise_and: bitwise_and '&' shift_expr    (3)
//	shift_expr: shift_expr ('<<' | '>>') sum   (4)
//	sum: sum ('+' | '-') term                  (5)
//	term: term ('*' | '/' | '//' | '%' | '@') factor (6)
func binaryOp(k token.Kind) (ast.Operator, int) {
	switch k {
	case token.VBAR:
		return ast.BitOr, 1
	case token.CIRCUMFLEX:
		return ast.BitXor, 2
	case token.AMPER:
		return ast.BitAnd, 3
	case token.LEFTSHIFT:
		return ast.LShift, 4
	case token.RIGHTSHIFT:
		return ast.RShift, 4
	case token.PLUS:
		return ast.Add, 5
	case token.MINUS:
		return ast.Sub, 5
	case token.STAR:
		return ast.Mult, 6
	case token.SLASH:
		return ast.Div, 6
	case token.DOUBLESLASH:
		return ast.FloorDiv, 6
	case token.PERCENT:
		return ast.Mod, 6
	case token.AT:
		return ast.MatMult, 6
	}
	return 0, 0
}

func (p *parser) parseBitOr() ast.Expr { return p.parseBinary(1) }

// parseBinary parses the left-associative binary operator levels by
// precedence climbing; see binaryOp for the grammar.
func (p *parser) parseBinary(minPrec int) ast.Expr {
	start := p.tok().Start
	saved := p.chainStart()
	x := p.parseFactor()
	for {
		op, prec := binaryOp(p.kind())
		if prec < minPrec || prec == 0 {
			p.chainEnd(saved)
			return x
		}
		p.next()
		y := p.parseBinary(prec + 1)
		x = &ast.BinOp{Loc: loc(start, p.prev), Left: x, Op: op, Right: y}
		p.link()
	}
}

// parseFactor parses
//
//	factor: '+' factor | '-' factor | '~' factor | power
//	power: await_primary '**' factor | await_primary
func (p *parser) parseFactor() ast.Expr {
	start := p.tok().Start
	var op ast.UnaryOperator
	switch p.kind() {
	case token.PLUS:
		op = ast.UAdd
	case token.MINUS:
		op = ast.USub
	case token.TILDE:
		op = ast.Invert
	default:
		e := p.parseAwaitPrimary()
		if p.kind() == token.DOUBLESTAR {
			p.next()
			p.enter()
			r := p.parseFactor()
			p.leave()
			e = &ast.BinOp{Loc: loc(start, p.prev), Left: e, Op: ast.Pow, Right: r}
		}
		return e
	}
	p.next()
	p.enter()
	operand := p.parseFactor()
	p.leave()
	return &ast.UnaryOp{Loc: loc(start, p.prev), Op: op, Operand: operand}
}

// parseAwaitPrimary parses
//
//	await_primary: AWAIT primary | primary
func (p *parser) parseAwaitPrimary() ast.Expr {
	if p.kw() == kwAwait {
		start := p.tok().Start
		p.next()
		v := p.parsePrimary()
		return &ast.Await{Loc: loc(start, p.prev), Value: v}
	}
	return p.parsePrimary()
}

// parsePrimary parses
//
//	primary:
//	    | primary '.' NAME
//	    | primary genexp
//	    | primary '(' [arguments] ')'
//	    | primary '[' slices ']'
//	    | atom
func (p *parser) parsePrimary() ast.Expr {
	start := p.tok().Start
	saved := p.chainStart()
	e := p.parseAtom()
	for {
		switch p.kind() {
		case token.DOT:
			p.next()
			name := p.expectName()
			n := p.attrs.next()
			*n = ast.Attribute{Loc: loc(start, p.prev), Value: e, Attr: p.identifier(name), Ctx: ast.Load}
			e = n
		case token.LPAR:
			args, kws := p.parseCallArguments()
			c := p.calls.next()
			*c = ast.Call{Loc: loc(start, p.prev), Func: e, Args: args, Keywords: kws}
			e = c
		case token.LSQB:
			p.next()
			s := p.parseSlices()
			p.closeBracket(token.RSQB, lastElt(s))
			e = &ast.Subscript{Loc: loc(start, p.prev), Value: e, Slice: s, Ctx: ast.Load}
		default:
			p.chainEnd(saved)
			return e
		}
		p.link()
	}
}

// parseSlices parses
//
//	slices:
//	    | slice !','
//	    | ','.(slice | starred_expression)+ [',']
func (p *parser) parseSlices() ast.Expr {
	start := p.tok().Start
	s := p.parseSliceOrStarred()
	if p.kind() != token.COMMA {
		if _, ok := s.(*ast.Starred); !ok {
			return s
		}
	}
	elts := []ast.Expr{s}
	for p.got(token.COMMA) {
		if p.kind() == token.RSQB {
			break
		}
		elts = append(elts, p.parseSliceOrStarred())
	}
	return &ast.Tuple{Loc: loc(start, p.prev), Elts: elts, Ctx: ast.Load}
}

// parseSliceOrStarred parses
//
//	slice:
//	    | [expression] ':' [expression] [':' [expression] ]
//	    | named_expression
//	starred_expression: '*' expression
func (p *parser) parseSliceOrStarred() ast.Expr {
	start := p.tok().Start
	if p.kind() == token.STAR {
		p.next()
		v := p.parseExpression()
		return &ast.Starred{Loc: loc(start, p.prev), Value: v, Ctx: ast.Load}
	}
	var lower ast.Expr
	if p.kind() != token.COLON {
		lower = p.parseNamedExpression()
		if p.kind() != token.COLON {
			return lower
		}
		if _, ok := lower.(*ast.NamedExpr); ok {
			// A slice bound is an expression: `a[x:=1:2]` is not valid.
			p.syntaxError()
		}
	}
	p.expect(token.COLON)
	var upper, step ast.Expr
	if p.startsSliceBound() {
		upper = p.parseExpression()
	}
	if p.got(token.COLON) && p.startsSliceBound() {
		step = p.parseExpression()
	}
	return &ast.Slice{Loc: loc(start, p.prev), Lower: lower, Upper: upper, Step: step}
}

// lastElt is the last element of a subscript's slice, for error messages.
func lastElt(s ast.Expr) ast.Expr {
	if t, ok := s.(*ast.Tuple); ok && len(t.Elts) > 0 {
		return t.Elts[len(t.Elts)-1]
	}
	return s
}

func (p *parser) startsSliceBound() bool {
	return p.kind() != token.STAR && p.startsExpression()
}

// parseAtom parses
//
//	atom:
//	    | NAME | 'True' | 'False' | 'None' | strings | NUMBER
//	    | (tuple | group | genexp) | (list | listcomp) | (dict | set | dictcomp | setcomp)
//	    | '...'
func (p *parser) parseAtom() ast.Expr {
	t := p.tok()
	switch t.Kind {
	case token.NAME:
		switch k := p.kw(); k {
		case kwTrue, kwFalse, kwNoneLit:
			p.next()
			c := &ast.Constant{Loc: loc(t.Start, t.End)}
			switch k {
			case kwTrue:
				c.Kind = ast.ConstTrue
			case kwFalse:
				c.Kind = ast.ConstFalse
			default:
				c.Kind = ast.ConstNone
			}
			return c
		default:
			if k.isHard() {
				p.syntaxError()
			}
		}
		p.next()
		n := p.nameNodes.next()
		*n = ast.Name{Loc: loc(t.Start, t.End), ID: p.identifier(t), Ctx: ast.Load}
		return n
	case token.NUMBER:
		p.next()
		return p.numberConstant(t)
	case token.STRING, token.FSTRING_START:
		return p.parseStrings()
	case token.LPAR:
		return p.parseParenthesized()
	case token.LSQB:
		return p.parseListDisplay()
	case token.LBRACE:
		return p.parseBraceDisplay()
	case token.ELLIPSIS:
		p.next()
		return &ast.Constant{Loc: loc(t.Start, t.End), Kind: ast.ConstEllipsis}
	}
	p.syntaxError()
	return nil
}

// parseParenthesized parses
//
//	tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
//	group: '(' (yield_expr | named_expression) ')'
//	genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')'
func (p *parser) parseParenthesized() ast.Expr {
	lpar := p.tok()
	p.next()
	if p.got(token.RPAR) {
		return &ast.Tuple{Loc: loc(lpar.Start, p.prev), Elts: []ast.Expr{}, Ctx: ast.Load}
	}
	if p.kw() == kwYield {
		y := p.parseYieldExpr()
		p.expect(token.RPAR)
		return y
	}
	first := p.parseStarNamedExpression()
	if p.startsComprehension() {
		if _, ok := first.(*ast.Starred); ok {
			p.errorNode(first, "iterable unpacking cannot be used in comprehension")
		}
		gens := p.parseForIfClauses()
		p.expect(token.RPAR)
		return &ast.GeneratorExp{Loc: loc(lpar.Start, p.prev), Elt: first, Generators: gens}
	}
	if p.kind() == token.COMMA {
		elts := []ast.Expr{first}
		for p.got(token.COMMA) && p.kind() != token.RPAR {
			elts = append(elts, p.parseStarNamedExpression())
		}
		p.closeBracket(token.RPAR, elts[len(elts)-1])
		return &ast.Tuple{Loc: loc(lpar.Start, p.prev), Elts: elts, Ctx: ast.Load}
	}
	p.closeBracket(token.RPAR, first)
	if _, ok := first.(*ast.Starred); ok {
		p.errorNode(first, "cannot use starred expression here")
	}
	return first
}

func (p *parser) startsComprehension() bool {
	k := p.kw()
	return k == kwFor || (k == kwAsync && p.kwAt(p.p+1) == kwFor)
}

// parseListDisplay parses
//
//	list: '[' [star_named_expressions] ']'
//	listcomp: '[' named_expression for_if_clauses ']'
func (p *parser) parseListDisplay() ast.Expr {
	lsqb := p.tok()
	p.next()
	if p.got(token.RSQB) {
		return &ast.List{Loc: loc(lsqb.Start, p.prev), Elts: []ast.Expr{}, Ctx: ast.Load}
	}
	first := p.parseStarNamedExpression()
	if p.startsComprehension() {
		if _, ok := first.(*ast.Starred); ok {
			p.errorNode(first, "iterable unpacking cannot be used in comprehension")
		}
		gens := p.parseForIfClauses()
		p.expect(token.RSQB)
		return &ast.ListComp{Loc: loc(lsqb.Start, p.prev), Elt: first, Generators: gens}
	}
	elts := []ast.Expr{first}
	p.checkStrayEquals(first)
	for p.got(token.COMMA) && p.kind() != token.RSQB {
		elts = append(elts, p.parseStarNamedExpression())
		p.checkStrayEquals(elts[len(elts)-1])
	}
	p.closeBracket(token.RSQB, elts[len(elts)-1])
	return &ast.List{Loc: loc(lsqb.Start, p.prev), Elts: elts, Ctx: ast.Load}
}

// parseBraceDisplay parses
//
//	dict: '{' [double_starred_kvpairs] '}'
//	set: '{' star_named_expressions '}'
//	dictcomp: '{' kvpair for_if_clauses '}'
//	setcomp: '{' named_expression for_if_clauses '}'
func (p *parser) parseBraceDisplay() ast.Expr {
	lbrace := p.tok()
	p.next()
	if p.got(token.RBRACE) {
		return &ast.Dict{Loc: loc(lbrace.Start, p.prev), Keys: []ast.Expr{}, Values: []ast.Expr{}}
	}
	var firstKey ast.Expr
	var firstValue ast.Expr
	if p.kind() == token.DOUBLESTAR {
		p.next()
		firstValue = p.parseBitOr()
	} else {
		firstTok := p.tok()
		first := p.parseStarNamedExpression()
		if p.kind() != token.COLON && p.kind() != token.COMMA && p.kind() != token.RBRACE && !p.startsComprehension() {
			p.errorMissingComma(first)
		}
		if !p.got(token.COLON) {
			// A set, or a set comprehension.
			if p.startsComprehension() {
				if _, ok := first.(*ast.Starred); ok {
					p.errorNode(first, "iterable unpacking cannot be used in comprehension")
				}
				gens := p.parseForIfClauses()
				p.expect(token.RBRACE)
				return &ast.SetComp{Loc: loc(lbrace.Start, p.prev), Elt: first, Generators: gens}
			}
			elts := []ast.Expr{first}
			for p.got(token.COMMA) && p.kind() != token.RBRACE {
				elts = append(elts, p.parseStarNamedExpression())
			}
			p.closeBracket(token.RBRACE, elts[len(elts)-1])
			return &ast.Set{Loc: loc(lbrace.Start, p.prev), Elts: elts}
		}
		switch first.(type) {
		case *ast.Starred:
			p.errorNode(first, "cannot use a starred expression in a dictionary key")
		case *ast.NamedExpr:
			if firstTok.Kind != token.LPAR {
				p.syntaxError() // a key is an expression; only `(x := 1)` may be one
			}
		}
		firstKey = first
		firstValue = p.parseExpression()
		if k := p.kind(); k != token.COMMA && k != token.RBRACE && !p.startsComprehension() {
			p.errorMissingComma(firstValue)
		}
		if p.startsComprehension() {
			gens := p.parseForIfClauses()
			p.expect(token.RBRACE)
			return &ast.DictComp{Loc: loc(lbrace.Start, p.prev), Key: firstKey, Value: firstValue, Generators: gens}
		}
	}
	keys := []ast.Expr{firstKey}
	values := []ast.Expr{firstValue}
	for p.got(token.COMMA) && p.kind() != token.RBRACE {
		if p.got(token.DOUBLESTAR) {
			keys = append(keys, nil)
			values = append(values, p.parseBitOr())
			continue
		}
		k := p.parseExpression()
		if p.kind() != token.COLON {
			p.errorExpectedDictColon(k)
		}
		p.next()
		keys = append(keys, k)
		values = append(values, p.parseExpression())
	}
	p.closeBracket(token.RBRACE, values[len(values)-1])
	return &ast.Dict{Loc: loc(lbrace.Start, p.prev), Keys: keys, Values: values}
}

func (p *parser) errorExpectedDictColon(k ast.Expr) {
	p.errorMissingComma(k)
	if p.kind() == token.RBRACE || p.kind() == token.COMMA {
		p.errorNode(k, "':' expected after dictionary key")
	}
	p.syntaxError()
}

// parseForIfClauses parses
//
//	for_if_clauses: for_if_clause+
//	for_if_clause: [ASYNC] 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
func (p *parser) parseForIfClauses() []*ast.Comprehension {
	var gens []*ast.Comprehension
	for p.startsComprehension() {
		c := &ast.Comprehension{}
		if p.gotKw(kwAsync) {
			c.IsAsync = 1
		}
		p.expectKw(kwFor)
		c.Target = p.parseStarTargets(ast.Store)
		if !p.gotKw(kwIn) {
			p.syntaxError()
		}
		c.Iter = p.parseDisjunction()
		c.Ifs = []ast.Expr{}
		for p.gotKw(kwIf) {
			c.Ifs = append(c.Ifs, p.parseDisjunction())
		}
		gens = append(gens, c)
	}
	return gens
}

// parseYieldExpr parses
//
//	yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
func (p *parser) parseYieldExpr() ast.Expr {
	start := p.tok().Start
	p.expectKw(kwYield)
	if p.gotKw(kwFrom) {
		v := p.parseExpression()
		return &ast.YieldFrom{Loc: loc(start, p.prev), Value: v}
	}
	var v ast.Expr
	if p.startsExpression() {
		v = p.parseStarExpressions()
	}
	return &ast.Yield{Loc: loc(start, p.prev), Value: v}
}

// parseLambda parses
//
//	lambdef: 'lambda' [lambda_params] ':' expression
func (p *parser) parseLambda() ast.Expr {
	start := p.tok().Start
	p.expectKw(kwLambda)
	args := p.parseParameters(token.COLON, false)
	p.expect(token.COLON)
	body := p.parseExpression()
	return &ast.Lambda{Loc: loc(start, p.prev), Args: args, Body: body}
}

// parseCallArguments parses a call's parenthesised arguments:
//
//	'(' [arguments] ')' | genexp
//	args:
//	    | ','.(starred_expression | (assignment_expression | expression !':=') !'=')+ [',' kwargs]
//	    | kwargs
//	kwargs: ','.kwarg_or_starred+ [',' ','.kwarg_or_double_starred+] | ','.kwarg_or_double_starred+
//
// Starred arguments that follow keywords still go to args, as CPython does.
func (p *parser) parseCallArguments() ([]ast.Expr, []*ast.Keyword) {
	lpar := p.tok()
	p.expect(token.LPAR)
	// The arguments gather on p.stack (nested calls use it above them)
	// and are copied to a slice of their own at the end.
	mark := len(p.stack)
	kws := []*ast.Keyword{}
	var last ast.Expr
	sawKeyword, sawDoubleStar := false, false
	for p.kind() != token.RPAR {
		t := p.tok()
		switch {
		case t.Kind == token.STAR:
			p.next()
			v := p.parseExpression()
			st := &ast.Starred{Loc: loc(t.Start, p.prev), Value: v, Ctx: ast.Load}
			if sawDoubleStar {
				p.errorNode(st, "iterable argument unpacking follows keyword argument unpacking")
			}
			p.stack = append(p.stack, st)
		case t.Kind == token.DOUBLESTAR:
			p.next()
			v := p.parseExpression()
			kws = append(kws, &ast.Keyword{Loc: loc(t.Start, p.prev), Value: v})
			sawDoubleStar = true
		case t.Kind == token.NAME && p.peekKind(1) == token.EQUAL && !p.kw().isHard():
			p.next()
			p.next()
			v := p.parseExpression()
			name := p.identifier(t)
			kws = append(kws, &ast.Keyword{Loc: loc(t.Start, p.prev), Arg: &name, Value: v})
			sawKeyword = true
		default:
			e := p.parseNamedExpression()
			if p.startsComprehension() {
				gens := p.parseForIfClauses()
				g := &ast.GeneratorExp{Loc: loc(lpar.Start, 0), Elt: e, Generators: gens}
				if len(p.stack) != mark || len(kws) != 0 || p.kind() != token.RPAR {
					g.Stop = p.prev
					g.Start = e.Pos()
					p.errorNode(g, "Generator expression must be parenthesized")
				}
				p.next()
				g.Stop = p.prev
				p.stack = append(p.stack, g)
				return p.popExprs(mark), kws
			}
			if p.kind() == token.EQUAL {
				p.errorKeywordTarget(e)
			}
			if sawDoubleStar {
				p.errorNode(e, "positional argument follows keyword argument unpacking")
			}
			if sawKeyword {
				p.errorNode(e, "positional argument follows keyword argument")
			}
			p.stack = append(p.stack, e)
		}
		if len(kws) > 0 && kws[len(kws)-1].Pos() >= t.Start {
			last = kws[len(kws)-1].Value
		} else if len(p.stack) > mark {
			last = p.stack[len(p.stack)-1]
		}
		if !p.got(token.COMMA) {
			break
		}
	}
	p.closeBracket(token.RPAR, last)
	return p.popExprs(mark), kws
}

// errorKeywordTarget words the error for `f(a.b=1)` and `f(True=1)`.
func (p *parser) errorKeywordTarget(e ast.Expr) {
	if c, ok := e.(*ast.Constant); ok && (c.Kind == ast.ConstTrue || c.Kind == ast.ConstFalse || c.Kind == ast.ConstNone) {
		p.errorNode(e, "cannot assign to "+exprName(e))
	}
	p.errorNode(e, "expression cannot contain assignment, perhaps you meant \"==\"?")
}
