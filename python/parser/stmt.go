package parser

import (
	"sort"
	"strconv"
	"strings"

	"github.com/pyward/pyward/python/ast"
	"github.com/pyward/pyward/python/token"
)

// appendStatement parses
//
//	statement: compound_stmt | simple_stmts
//
// and appends what it parsed (simple_stmts may hold several statements).
func (p *parser) appendStatement(body []ast.Stmt) []ast.Stmt {
	t := p.tok()
	switch t.Kind {
	case token.NAME:
		switch p.kw() {
		case kwDef:
			return append(body, p.parseFunctionDef(nil, t.Start))
		case kwClass:
			return append(body, p.parseClassDef(nil, t.Start))
		case kwIf:
			return append(body, p.parseIf())
		case kwWhile:
			return append(body, p.parseWhile())
		case kwFor:
			return append(body, p.parseFor(t.Start, false))
		case kwTry:
			return append(body, p.parseTry())
		case kwWith:
			return append(body, p.parseWith(t.Start, false))
		case kwAsync:
			switch p.kwAt(p.p + 1) {
			case kwDef:
				return append(body, p.parseFunctionDef(nil, t.Start))
			case kwFor:
				p.next()
				return append(body, p.parseFor(t.Start, true))
			case kwWith:
				p.next()
				return append(body, p.parseWith(t.Start, true))
			}
			p.next()
			p.syntaxError()
		case softMatch:
			if s := p.tryMatch(); s != nil {
				return append(body, s)
			}
		}
	case token.AT:
		return append(body, p.parseDecorated())
	case token.INDENT:
		p.syntaxError()
	}
	return p.parseSimpleStmts(body)
}

// parseSimpleStmts parses
//
//	simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE
func (p *parser) parseSimpleStmts(body []ast.Stmt) []ast.Stmt {
	for {
		body = append(body, p.parseSimpleStmt())
		if p.got(token.SEMI) {
			if p.kind() == token.NEWLINE {
				break
			}
			continue
		}
		break
	}
	if p.kind() != token.NEWLINE {
		p.errorStatementEnd(body[len(body)-1])
	}
	p.next()
	return body
}

// errorStatementEnd explains a statement followed by something that is
// neither ';' nor the end of the line.
func (p *parser) errorStatementEnd(last ast.Stmt) {
	if es, ok := last.(*ast.ExprStmt); ok && p.startsExpression() && p.spec == 0 {
		if n, ok := es.Value.(*ast.Name); ok && (n.ID == "print" || n.ID == "exec") {
			t := p.tok()
			p.errorAt(token.SyntaxError, n.Start, t.End,
				"Missing parentheses in call to '"+n.ID+"'. Did you mean "+n.ID+"(...)?")
		}
	}
	p.syntaxError()
}

// parseSimpleStmt parses
//
//	simple_stmt:
//	    | assignment | type_alias | star_expressions | return_stmt | import_stmt
//	    | raise_stmt | 'pass' | del_stmt | yield_stmt | assert_stmt | 'break'
//	    | 'continue' | global_stmt | nonlocal_stmt
func (p *parser) parseSimpleStmt() ast.Stmt {
	t := p.tok()
	if t.Kind == token.NAME {
		switch p.kw() {
		case kwPass:
			p.next()
			return &ast.Pass{Loc: loc(t.Start, t.End)}
		case kwBreak:
			p.next()
			return &ast.Break{Loc: loc(t.Start, t.End)}
		case kwContinue:
			p.next()
			return &ast.Continue{Loc: loc(t.Start, t.End)}
		case kwReturn:
			p.next()
			var v ast.Expr
			if p.startsExpression() {
				v = p.parseStarExpressions()
			}
			return &ast.Return{Loc: loc(t.Start, p.prev), Value: v}
		case kwImport:
			return p.parseImportName()
		case kwFrom:
			return p.parseImportFrom()
		case kwRaise:
			p.next()
			r := &ast.Raise{}
			if p.startsExpression() {
				r.Exc = p.parseExpression()
				if p.gotKw(kwFrom) {
					r.Cause = p.parseExpression()
				}
			}
			r.Loc = loc(t.Start, p.prev)
			return r
		case kwDel:
			return p.parseDel()
		case kwAssert:
			p.next()
			a := &ast.Assert{Test: p.parseExpression()}
			if p.got(token.COMMA) {
				a.Msg = p.parseExpression()
			}
			a.Loc = loc(t.Start, p.prev)
			return a
		case kwGlobal, kwNonlocal:
			global := p.kw() == kwGlobal
			p.next()
			var names []string
			for {
				n := p.expectName()
				names = append(names, p.identifier(n))
				if !p.got(token.COMMA) {
					break
				}
			}
			if global {
				return &ast.Global{Loc: loc(t.Start, p.prev), Names: names}
			}
			return &ast.Nonlocal{Loc: loc(t.Start, p.prev), Names: names}
		case softType:
			if p.peekKind(1) == token.NAME && (p.peekKind(2) == token.EQUAL || p.peekKind(2) == token.LSQB) {
				return p.parseTypeAlias()
			}
		}
	}
	return p.parseExpressionStmt()
}

// parseExpressionStmt parses an expression statement or an assignment:
//
//	assignment:
//	    | NAME ':' expression ['=' annotated_rhs]
//	    | ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
//	    | (star_targets '=')+ (yield_expr | star_expressions) !'=' [TYPE_COMMENT]
//	    | single_target augassign ~ (yield_expr | star_expressions)
//
// The left side is parsed as an expression and then checked and turned into
// a target, which gives the same tree for every valid program.
func (p *parser) parseExpressionStmt() ast.Stmt {
	first := p.tok()
	e := p.parseStarExpressionsOrYield()
	switch k := p.kind(); k {
	case token.EQUAL:
		targets := []ast.Expr{e}
		p.next()
		value := p.parseStarExpressionsOrYield()
		for p.kind() == token.EQUAL {
			targets = append(targets, value)
			p.next()
			value = p.parseStarExpressionsOrYield()
		}
		for _, t := range targets {
			p.checkAssignTarget(t, len(targets) == 1)
		}
		s := p.assigns.next()
		*s = ast.Assign{Loc: loc(first.Start, p.prev), Targets: targets, Value: value}
		return s
	case token.COLON:
		simple := 0
		switch e.(type) {
		case *ast.Name:
			if first.Kind != token.LPAR {
				simple = 1
			}
		case *ast.Attribute, *ast.Subscript:
		case *ast.Tuple:
			p.errorNode(e, "only single target (not tuple) can be annotated")
		case *ast.List:
			p.errorNode(e, "only single target (not list) can be annotated")
		default:
			p.errorNode(e, "illegal target for annotation")
		}
		p.setContext(e, ast.Store)
		p.next()
		ann := p.parseExpression()
		var value ast.Expr
		if p.got(token.EQUAL) {
			value = p.parseStarExpressionsOrYield()
		}
		return &ast.AnnAssign{Loc: loc(first.Start, p.prev), Target: e, Annotation: ann, Value: value, Simple: simple}
	default:
		if op, ok := augAssignOp(k); ok {
			switch e.(type) {
			case *ast.Name, *ast.Attribute, *ast.Subscript:
				p.setContext(e, ast.Store)
			default:
				p.errorNode(e, "'"+exprName(e)+"' is an illegal expression for augmented assignment")
			}
			p.next()
			value := p.parseStarExpressionsOrYield()
			return &ast.AugAssign{Loc: loc(first.Start, p.prev), Target: e, Op: op, Value: value}
		}
	}
	s := p.exprStmts.next()
	*s = ast.ExprStmt{Loc: loc(first.Start, p.prev), Value: e}
	return s
}

func (p *parser) parseStarExpressionsOrYield() ast.Expr {
	if p.kw() == kwYield {
		return p.parseYieldExpr()
	}
	return p.parseStarExpressions()
}

func augAssignOp(k token.Kind) (ast.Operator, bool) {
	switch k {
	case token.PLUSEQUAL:
		return ast.Add, true
	case token.MINEQUAL:
		return ast.Sub, true
	case token.STAREQUAL:
		return ast.Mult, true
	case token.ATEQUAL:
		return ast.MatMult, true
	case token.SLASHEQUAL:
		return ast.Div, true
	case token.PERCENTEQUAL:
		return ast.Mod, true
	case token.AMPEREQUAL:
		return ast.BitAnd, true
	case token.VBAREQUAL:
		return ast.BitOr, true
	case token.CIRCUMFLEXEQUAL:
		return ast.BitXor, true
	case token.LEFTSHIFTEQUAL:
		return ast.LShift, true
	case token.RIGHTSHIFTEQUAL:
		return ast.RShift, true
	case token.DOUBLESTAREQUAL:
		return ast.Pow, true
	case token.DOUBLESLASHEQUAL:
		return ast.FloorDiv, true
	}
	return 0, false
}

// checkAssignTarget turns an assignment's left side into a Store target or
// reports why it cannot be one, worded as CPython words it. single is true
// when the statement has one '='.
func (p *parser) checkAssignTarget(e ast.Expr, single bool) {
	bad := p.setContext(e, ast.Store)
	if bad == nil {
		return
	}
	parenthesized := p.kindBefore(e.Pos()) == token.LPAR
	if _, ok := e.(*ast.Yield); ok && !parenthesized {
		p.errorNode(e, "assignment to yield expression not possible")
	}
	switch e.(type) {
	case *ast.Tuple, *ast.List:
		p.errorNode(bad, "cannot assign to "+exprName(bad))
	}
	if c, ok := bad.(*ast.Constant); ok && (c.Kind == ast.ConstTrue || c.Kind == ast.ConstFalse || c.Kind == ast.ConstNone) {
		p.errorNode(bad, "cannot assign to "+exprName(bad))
	}
	// With a single '=', CPython first reads the statement as a mistyped
	// comparison (invalid_named_expression) when its left side is a
	// bitwise_or: `f() = 1`, `x + 1 = 2`, `(a < b) = 1`.
	if _, isGen := e.(*ast.GeneratorExp); single && !isGen && (parenthesized || bitwiseOrLevel(e)) {
		p.errorNode(bad, "cannot assign to "+exprName(bad)+" here. Maybe you meant '==' instead of '='?")
	}
	p.errorNode(bad, "cannot assign to "+exprName(bad))
}

// kindBefore returns the kind of the token before the one starting at off,
// which tells a parenthesised expression from a bare one.
func (p *parser) kindBefore(off int32) token.Kind {
	i := sort.Search(len(p.toks), func(i int) bool { return p.toks[i].Start >= off })
	if i == 0 || i >= len(p.toks) {
		return token.ENDMARKER
	}
	return p.toks[i-1].Kind
}

// setContext gives a target and its parts the context ctx. It returns the
// first part that cannot be a target, or nil.
func (p *parser) setContext(e ast.Expr, ctx ast.ExprContext) ast.Expr {
	switch n := e.(type) {
	case *ast.Name:
		n.Ctx = ctx
	case *ast.Attribute:
		n.Ctx = ctx
	case *ast.Subscript:
		n.Ctx = ctx
	case *ast.Starred:
		if ctx == ast.Del {
			return e
		}
		n.Ctx = ctx
		return p.setContext(n.Value, ctx)
	case *ast.Tuple:
		n.Ctx = ctx
		for _, x := range n.Elts {
			if bad := p.setContext(x, ctx); bad != nil {
				return bad
			}
		}
	case *ast.List:
		n.Ctx = ctx
		for _, x := range n.Elts {
			if bad := p.setContext(x, ctx); bad != nil {
				return bad
			}
		}
	default:
		return e
	}
	return nil
}

// exprName names an expression in messages, as CPython's
// _PyPegen_get_expr_name does.
func exprName(e ast.Expr) string {
	switch n := e.(type) {
	case *ast.Attribute:
		return "attribute"
	case *ast.Subscript:
		return "subscript"
	case *ast.Starred:
		return "starred"
	case *ast.Name:
		return "name"
	case *ast.List:
		return "list"
	case *ast.Tuple:
		return "tuple"
	case *ast.Lambda:
		return "lambda"
	case *ast.Call:
		return "function call"
	case *ast.BoolOp, *ast.BinOp, *ast.UnaryOp:
		return "expression"
	case *ast.GeneratorExp:
		return "generator expression"
	case *ast.Yield, *ast.YieldFrom:
		return "yield expression"
	case *ast.Await:
		return "await expression"
	case *ast.ListComp:
		return "list comprehension"
	case *ast.SetComp:
		return "set comprehension"
	case *ast.DictComp:
		return "dict comprehension"
	case *ast.Dict:
		return "dict literal"
	case *ast.Set:
		return "set display"
	case *ast.JoinedStr, *ast.FormattedValue:
		return "f-string expression"
	case *ast.Constant:
		switch n.Kind {
		case ast.ConstNone:
			return "None"
		case ast.ConstTrue:
			return "True"
		case ast.ConstFalse:
			return "False"
		case ast.ConstEllipsis:
			return "ellipsis"
		}
		return "literal"
	case *ast.Compare:
		return "comparison"
	case *ast.IfExp:
		return "conditional expression"
	case *ast.NamedExpr:
		return "named expression"
	}
	return "expression"
}

// expectName consumes a NAME that is not a reserved keyword.
func (p *parser) expectName() token.Token {
	t := p.tok()
	if t.Kind != token.NAME || p.kw().isHard() {
		p.syntaxError()
	}
	p.next()
	return t
}

// parseDel parses
//
//	del_stmt: 'del' del_targets &(';' | NEWLINE)
//	del_targets: ','.del_target+ [',']
func (p *parser) parseDel() ast.Stmt {
	start := p.tok().Start
	p.next()
	var targets []ast.Expr
	for {
		e := p.parseBitOr()
		if bad := p.setContext(e, ast.Del); bad != nil {
			p.errorNode(bad, "cannot delete "+exprName(bad))
		}
		targets = append(targets, e)
		if !p.got(token.COMMA) || !p.startsTarget() {
			break
		}
	}
	if k := p.kind(); k != token.SEMI && k != token.NEWLINE {
		p.syntaxError()
	}
	return &ast.Delete{Loc: loc(start, p.prev), Targets: targets}
}

// startsTarget reports whether the current token can begin a target.
func (p *parser) startsTarget() bool {
	switch p.kind() {
	case token.NAME:
		return !p.kw().isHard()
	case token.LPAR, token.LSQB, token.STAR:
		return true
	}
	return false
}

// parseStarTargets parses
//
//	star_targets: star_target !',' | star_target (',' star_target)* [',']
//
// Targets are read at bitwise_or level, so that `for x in y` stops at `in`,
// then checked.
func (p *parser) parseStarTargets(ctx ast.ExprContext) ast.Expr {
	start := p.tok().Start
	t := p.parseStarTarget(ctx)
	if p.kind() != token.COMMA {
		return t
	}
	elts := []ast.Expr{t}
	for p.got(token.COMMA) && p.startsTarget() {
		elts = append(elts, p.parseStarTarget(ctx))
	}
	return &ast.Tuple{Loc: loc(start, p.prev), Elts: elts, Ctx: ctx}
}

// parseStarTarget parses
//
//	star_target: '*' (!'*' star_target) | target_with_star_atom
func (p *parser) parseStarTarget(ctx ast.ExprContext) ast.Expr {
	var e ast.Expr
	if p.kind() == token.STAR {
		start := p.tok().Start
		p.next()
		if p.kind() == token.STAR {
			p.syntaxError()
		}
		v := p.parseStarTarget(ctx)
		e = &ast.Starred{Loc: loc(start, p.prev), Value: v, Ctx: ctx}
		return e
	}
	e = p.parseBitOr()
	if bad := p.setContext(e, ctx); bad != nil {
		p.errorNode(bad, "cannot assign to "+exprName(bad))
	}
	return e
}

// parseImportName parses
//
//	import_name: 'import' dotted_as_names
//	dotted_as_name: dotted_name ['as' NAME]
func (p *parser) parseImportName() ast.Stmt {
	start := p.tok().Start
	p.next()
	var names []*ast.Alias
	for {
		aStart := p.tok().Start
		name := p.parseDottedName()
		a := &ast.Alias{Name: name}
		if p.gotKw(kwAs) {
			as := p.identifier(p.expectName())
			a.Asname = &as
		}
		a.Loc = loc(aStart, p.prev)
		names = append(names, a)
		if !p.got(token.COMMA) {
			break
		}
	}
	return &ast.Import{Loc: loc(start, p.prev), Names: names}
}

// parseDottedName parses
//
//	dotted_name: dotted_name '.' NAME | NAME
func (p *parser) parseDottedName() string {
	name := p.identifier(p.expectName())
	if p.kind() != token.DOT {
		return name
	}
	// A builder, not +=: a name of n parts must cost O(n), not O(n²).
	var b strings.Builder
	b.WriteString(name)
	for p.kind() == token.DOT {
		p.next()
		b.WriteByte('.')
		b.WriteString(p.identifier(p.expectName()))
	}
	return b.String()
}

// parseImportFrom parses
//
//	import_from:
//	    | 'from' ('.' | '...')* dotted_name 'import' import_from_targets
//	    | 'from' ('.' | '...')+ 'import' import_from_targets
//	import_from_targets: '(' import_from_as_names [','] ')' | import_from_as_names !',' | '*'
func (p *parser) parseImportFrom() ast.Stmt {
	start := p.tok().Start
	p.next()
	level := 0
	for {
		if p.got(token.DOT) {
			level++
		} else if p.got(token.ELLIPSIS) {
			level += 3
		} else {
			break
		}
	}
	s := &ast.ImportFrom{Level: level}
	if p.kw() != kwImport || level == 0 {
		m := p.parseDottedName()
		s.Module = &m
	}
	p.expectKw(kwImport)
	if t := p.tok(); t.Kind == token.STAR {
		p.next()
		s.Names = []*ast.Alias{{Loc: loc(t.Start, t.End), Name: "*"}}
	} else {
		paren := p.got(token.LPAR)
		for {
			n := p.expectName()
			a := &ast.Alias{Name: p.identifier(n)}
			if p.gotKw(kwAs) {
				as := p.identifier(p.expectName())
				a.Asname = &as
			}
			a.Loc = loc(n.Start, p.prev)
			s.Names = append(s.Names, a)
			if !p.got(token.COMMA) {
				break
			}
			if paren && p.kind() == token.RPAR {
				break
			}
			if !paren && p.kind() == token.NEWLINE {
				p.errorAt(token.SyntaxError, p.prev-1, p.prev, "trailing comma not allowed without surrounding parentheses")
			}
		}
		if paren {
			p.expect(token.RPAR)
		}
	}
	s.Loc = loc(start, p.prev)
	return s
}

// parseTypeAlias parses
//
//	type_alias: "type" NAME [type_params] '=' expression
func (p *parser) parseTypeAlias() ast.Stmt {
	start := p.tok().Start
	p.next()
	n := p.expectName()
	s := &ast.TypeAlias{Name: &ast.Name{Loc: loc(n.Start, n.End), ID: p.identifier(n), Ctx: ast.Store}}
	s.TypeParams = p.parseTypeParams()
	if s.TypeParams == nil {
		s.TypeParams = []ast.TypeParam{}
	}
	p.expect(token.EQUAL)
	s.Value = p.parseExpression()
	s.Loc = loc(start, p.prev)
	return s
}

// parseTypeParams parses an optional
//
//	type_params: '[' type_param_seq ']'
//	type_param:
//	    | NAME [':' expression] ['=' expression]
//	    | '*' NAME ['=' star_expression]
//	    | '**' NAME ['=' expression]
func (p *parser) parseTypeParams() []ast.TypeParam {
	if p.kind() != token.LSQB {
		return nil
	}
	p.next()
	var params []ast.TypeParam
	for p.kind() != token.RSQB {
		t := p.tok()
		switch t.Kind {
		case token.STAR:
			p.next()
			n := p.identifier(p.expectName())
			tp := &ast.TypeVarTuple{Name: n}
			if p.got(token.EQUAL) {
				tp.DefaultValue = p.parseStarExpression()
			}
			tp.Loc = loc(t.Start, p.prev)
			params = append(params, tp)
		case token.DOUBLESTAR:
			p.next()
			n := p.identifier(p.expectName())
			tp := &ast.ParamSpec{Name: n}
			if p.got(token.EQUAL) {
				tp.DefaultValue = p.parseExpression()
			}
			tp.Loc = loc(t.Start, p.prev)
			params = append(params, tp)
		default:
			n := p.identifier(p.expectName())
			tp := &ast.TypeVar{Name: n}
			if p.got(token.COLON) {
				tp.Bound = p.parseExpression()
			}
			if p.got(token.EQUAL) {
				tp.DefaultValue = p.parseExpression()
			}
			tp.Loc = loc(t.Start, p.prev)
			params = append(params, tp)
		}
		if !p.got(token.COMMA) {
			break
		}
	}
	if len(params) == 0 {
		p.errorAt(token.SyntaxError, p.tok().Start, p.tok().End, "Type parameter list cannot be empty")
	}
	p.expect(token.RSQB)
	return params
}

// parseBlock parses
//
//	block: NEWLINE INDENT statements DEDENT | simple_stmts
//
// what names the statement for the IndentationError CPython raises when
// the indented block is missing.
func (p *parser) parseBlock(what string, line int32) []ast.Stmt {
	p.expect(token.COLON)
	if p.kind() != token.NEWLINE {
		return p.parseSimpleStmts(nil)
	}
	p.next()
	if p.kind() != token.INDENT {
		if p.spec > 0 {
			panic(syntaxFail{})
		}
		t := p.tok()
		if t.Kind == token.ERRORTOKEN {
			p.failTok()
		}
		l, _ := p.file.Position(line)
		p.errorAt(token.IndentationError, t.Start, t.End,
			"expected an indented block after "+what+" on line "+strconv.Itoa(l))
	}
	p.next()
	p.enter()
	mark := len(p.stmts)
	for p.kind() != token.DEDENT && p.kind() != token.ENDMARKER {
		p.stmts = p.appendStatement(p.stmts)
	}
	body := p.popStmts(mark)
	p.leave()
	p.got(token.DEDENT)
	return body
}

// parseDecorated parses
//
//	decorators: ('@' named_expression NEWLINE)+
//
// followed by a function or class definition.
func (p *parser) parseDecorated() ast.Stmt {
	var decos []ast.Expr
	for p.got(token.AT) {
		decos = append(decos, p.parseNamedExpression())
		p.expect(token.NEWLINE)
	}
	t := p.tok()
	switch p.kw() {
	case kwDef:
		return p.parseFunctionDef(decos, t.Start)
	case kwClass:
		return p.parseClassDef(decos, t.Start)
	case kwAsync:
		if p.kwAt(p.p+1) == kwDef {
			return p.parseFunctionDef(decos, t.Start)
		}
	}
	p.syntaxError()
	return nil
}

// parseFunctionDef parses
//
//	function_def_raw:
//	    | 'def' NAME [type_params] &&'(' [params] ')' ['->' expression] &&':' [func_type_comment] block
//	    | ASYNC 'def' NAME [type_params] &&'(' [params] ')' ['->' expression] &&':' [func_type_comment] block
func (p *parser) parseFunctionDef(decos []ast.Expr, start int32) ast.Stmt {
	async := p.gotKw(kwAsync)
	p.expectKw(kwDef)
	name := p.identifier(p.expectName())
	tparams := p.parseTypeParams()
	if p.kind() != token.LPAR {
		t := p.tok()
		if p.spec == 0 && t.Kind != token.ERRORTOKEN {
			p.errorAt(token.SyntaxError, t.Start, t.End, "expected '('")
		}
		p.syntaxError()
	}
	p.next()
	args := p.parseParameters(token.RPAR, true)
	p.expect(token.RPAR)
	var returns ast.Expr
	if p.got(token.RARROW) {
		returns = p.parseExpression()
	}
	body := p.parseBlock("function definition", start)
	if decos == nil {
		decos = []ast.Expr{}
	}
	if async {
		return &ast.AsyncFunctionDef{Loc: loc(start, p.prev), Name: name, Args: args, Body: body,
			DecoratorList: decos, Returns: returns, TypeParams: tparams}
	}
	return &ast.FunctionDef{Loc: loc(start, p.prev), Name: name, Args: args, Body: body,
		DecoratorList: decos, Returns: returns, TypeParams: tparams}
}

// parseClassDef parses
//
//	class_def_raw: 'class' NAME [type_params] ['(' [arguments] ')'] &&':' block
func (p *parser) parseClassDef(decos []ast.Expr, start int32) ast.Stmt {
	p.expectKw(kwClass)
	name := p.identifier(p.expectName())
	c := &ast.ClassDef{Name: name, TypeParams: p.parseTypeParams()}
	if p.kind() == token.LPAR {
		c.Bases, c.Keywords = p.parseCallArguments()
		for _, b := range c.Bases {
			if g, ok := b.(*ast.GeneratorExp); ok {
				p.errorNode(g, "invalid syntax")
			}
		}
	} else {
		c.Bases, c.Keywords = []ast.Expr{}, []*ast.Keyword{}
	}
	c.Body = p.parseBlock("class definition", start)
	if decos == nil {
		decos = []ast.Expr{}
	}
	c.DecoratorList = decos
	c.Loc = loc(start, p.prev)
	return c
}

// parseIf parses
//
//	if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block])
//	elif_stmt: 'elif' named_expression ':' block (elif_stmt | [else_block])
func (p *parser) parseIf() ast.Stmt {
	t := p.tok()
	what := "'if' statement"
	if p.kw() == kwElif {
		what = "'elif' statement"
	}
	p.next()
	s := &ast.If{Test: p.parseNamedExpression()}
	p.checkStrayEquals(s.Test)
	s.Body = p.parseBlock(what, t.Start)
	switch p.kw() {
	case kwElif:
		// Each elif is an If nested in the orelse of the one before: a
		// level of the tree, and of recursion here.
		p.enter()
		s.Orelse = []ast.Stmt{p.parseIf()}
		p.leave()
	case kwElse:
		s.Orelse = p.parseElse()
	default:
		s.Orelse = []ast.Stmt{}
	}
	s.Loc = loc(t.Start, p.prev)
	return s
}

// parseElse parses an optional
//
//	else_block: 'else' &&':' block
func (p *parser) parseElse() []ast.Stmt {
	t := p.tok()
	if !p.gotKw(kwElse) {
		return []ast.Stmt{}
	}
	return p.parseBlock("'else' statement", t.Start)
}

// parseWhile parses
//
//	while_stmt: 'while' named_expression ':' block [else_block]
func (p *parser) parseWhile() ast.Stmt {
	t := p.tok()
	p.next()
	s := &ast.While{Test: p.parseNamedExpression()}
	p.checkStrayEquals(s.Test)
	s.Body = p.parseBlock("'while' statement", t.Start)
	s.Orelse = p.parseElse()
	s.Loc = loc(t.Start, p.prev)
	return s
}

// parseFor parses
//
//	for_stmt: [ASYNC] 'for' star_targets 'in' ~ star_expressions &&':' [TYPE_COMMENT] block [else_block]
//
// with the ASYNC already consumed.
func (p *parser) parseFor(start int32, async bool) ast.Stmt {
	forTok := p.tok()
	p.expectKw(kwFor)
	target := p.parseStarTargets(ast.Store)
	if !p.gotKw(kwIn) {
		p.syntaxError()
	}
	iter := p.parseStarExpressions()
	body := p.parseBlock("'for' statement", forTok.Start)
	orelse := p.parseElse()
	if async {
		return &ast.AsyncFor{Loc: loc(start, p.prev), Target: target, Iter: iter, Body: body, Orelse: orelse}
	}
	return &ast.For{Loc: loc(start, p.prev), Target: target, Iter: iter, Body: body, Orelse: orelse}
}

// parseWith parses
//
//	with_stmt:
//	    | [ASYNC] 'with' '(' ','.with_item+ ','? ')' ':' block
//	    | [ASYNC] 'with' ','.with_item+ ':' [TYPE_COMMENT] block
//
// with the ASYNC already consumed. The parenthesised form is tried first,
// as the PEG grammar does: `with (a, b):` is two items, `with (a, b) as c:`
// one.
func (p *parser) parseWith(start int32, async bool) ast.Stmt {
	withTok := p.tok()
	p.expectKw(kwWith)
	var items []*ast.WithItem
	if p.kind() == token.LPAR {
		ok := p.try(func() {
			p.next()
			var its []*ast.WithItem
			for {
				its = append(its, p.parseWithItem())
				if !p.got(token.COMMA) || p.kind() == token.RPAR {
					break
				}
			}
			p.expect(token.RPAR)
			if p.kind() != token.COLON {
				panic(syntaxFail{})
			}
			items = its
		})
		if !ok {
			items = nil
		}
	}
	if items == nil {
		for {
			items = append(items, p.parseWithItem())
			if !p.got(token.COMMA) {
				break
			}
		}
	}
	body := p.parseBlock("'with' statement", withTok.Start)
	if async {
		return &ast.AsyncWith{Loc: loc(start, p.prev), Items: items, Body: body}
	}
	return &ast.With{Loc: loc(start, p.prev), Items: items, Body: body}
}

// parseWithItem parses
//
//	with_item: expression 'as' star_target &(',' | ')' | ':') | expression
func (p *parser) parseWithItem() *ast.WithItem {
	it := &ast.WithItem{ContextExpr: p.parseExpression()}
	if p.gotKw(kwAs) {
		it.OptionalVars = p.parseStarTarget(ast.Store)
		switch p.kind() {
		case token.COMMA, token.RPAR, token.COLON:
		default:
			p.syntaxError()
		}
	}
	return it
}

// parseTry parses
//
//	try_stmt:
//	    | 'try' &&':' block finally_block
//	    | 'try' &&':' block except_block+ [else_block] [finally_block]
//	    | 'try' &&':' block except_star_block+ [else_block] [finally_block]
func (p *parser) parseTry() ast.Stmt {
	t := p.tok()
	p.next()
	body := p.parseBlock("'try' statement", t.Start)
	var handlers []*ast.ExceptHandler
	star, plain := false, false
	for p.kw() == kwExcept {
		et := p.tok()
		p.next()
		h := &ast.ExceptHandler{}
		what := "'except' statement"
		if p.got(token.STAR) {
			star = true
			what = "'except*' statement"
		} else {
			plain = true
		}
		if star && plain {
			p.errorAt(token.SyntaxError, et.Start, et.End, "cannot have both 'except' and 'except*' on the same 'try'")
		}
		if p.kind() != token.COLON {
			h.Type = p.parseExpression()
			if p.kind() == token.COMMA {
				p.errorAt(token.SyntaxError, h.Type.Pos(), h.Type.End(), "multiple exception types must be parenthesized")
			}
			if p.gotKw(kwAs) {
				n := p.identifier(p.expectName())
				h.Name = &n
			}
		} else if star {
			p.errorAt(token.SyntaxError, p.tok().Start, p.tok().End, "expected one or more exception types")
		}
		h.Body = p.parseBlock(what, et.Start)
		h.Loc = loc(et.Start, p.prev)
		handlers = append(handlers, h)
	}
	orelse := []ast.Stmt{}
	if len(handlers) > 0 {
		orelse = p.parseElse()
	}
	final := []ast.Stmt{}
	if ft := p.tok(); p.gotKw(kwFinally) {
		final = p.parseBlock("'finally' statement", ft.Start)
	}
	if len(handlers) == 0 && len(final) == 0 {
		tk := p.tok()
		p.errorAt(token.SyntaxError, tk.Start, tk.End, "expected 'except' or 'finally' block")
	}
	if handlers == nil {
		handlers = []*ast.ExceptHandler{}
	}
	if star {
		return &ast.TryStar{Loc: loc(t.Start, p.prev), Body: body, Handlers: handlers, Orelse: orelse, Finalbody: final}
	}
	return &ast.Try{Loc: loc(t.Start, p.prev), Body: body, Handlers: handlers, Orelse: orelse, Finalbody: final}
}
