package parser

import (
	"github.com/pyward/pyward/python/ast"
	"github.com/pyward/pyward/python/token"
)

// parseParameters parses a def's or a lambda's parameter list up to (not
// including) the closing token:
//
//	parameters:
//	    | slash_no_default param_no_default* param_with_default* [star_etc]
//	    | slash_with_default param_with_default* [star_etc]
//	    | param_no_default+ param_with_default* [star_etc]
//	    | param_with_default+ [star_etc]
//	    | star_etc
//	star_etc:
//	    | '*' param_no_default param_maybe_default* [kwds]
//	    | '*' param_no_default_star_annotation param_maybe_default* [kwds]
//	    | '*' ',' param_maybe_default+ [kwds]
//	    | kwds
//	kwds: '**' param_no_default
//
// The grammar's alternatives amount to one left-to-right walk with a little
// state, which is how it is parsed here; the checks give CPython's messages.
func (p *parser) parseParameters(closing token.Kind, annotations bool) *ast.Arguments {
	a := &ast.Arguments{
		Posonlyargs: []*ast.Arg{}, Args: []*ast.Arg{}, Kwonlyargs: []*ast.Arg{},
		KwDefaults: []ast.Expr{}, Defaults: []ast.Expr{},
	}
	sawSlash, sawStar, sawDefault := false, false, false
	for p.kind() != closing {
		t := p.tok()
		switch t.Kind {
		case token.SLASH:
			switch {
			case sawSlash:
				p.errorAt(token.SyntaxError, t.Start, t.End, "/ may appear only once")
			case sawStar:
				p.errorAt(token.SyntaxError, t.Start, t.End, "/ must be ahead of *")
			case len(a.Args) == 0:
				p.errorAt(token.SyntaxError, t.Start, t.End, "at least one argument must precede /")
			}
			p.next()
			sawSlash = true
			a.Posonlyargs, a.Args = a.Args, []*ast.Arg{}
		case token.STAR:
			if sawStar {
				p.errorAt(token.SyntaxError, t.Start, t.End, "* argument may appear only once")
			}
			p.next()
			sawStar = true
			if p.kind() == token.COMMA || p.kind() == closing {
				// A bare '*': keyword-only parameters must follow.
				next := p.peek(1)
				if p.kind() == closing || next.Kind == closing || next.Kind == token.DOUBLESTAR {
					p.errorAt(token.SyntaxError, t.Start, t.End, "named arguments must follow bare *")
				}
				break
			}
			a.Vararg = p.parseParam(annotations, true)
			if p.kind() == token.EQUAL {
				p.errorAt(token.SyntaxError, p.tok().Start, p.tok().End, "var-positional argument cannot have default value")
			}
		case token.DOUBLESTAR:
			p.next()
			a.Kwarg = p.parseParam(annotations, false)
			if p.kind() == token.EQUAL {
				p.errorAt(token.SyntaxError, p.tok().Start, p.tok().End, "var-keyword argument cannot have default value")
			}
			p.got(token.COMMA)
			if p.kind() != closing {
				tk := p.tok()
				p.errorAt(token.SyntaxError, tk.Start, tk.End, "arguments cannot follow var-keyword argument")
			}
			return a
		default:
			arg := p.parseParam(annotations, false)
			var def ast.Expr
			if p.got(token.EQUAL) {
				def = p.parseExpression()
			}
			if sawStar {
				a.Kwonlyargs = append(a.Kwonlyargs, arg)
				a.KwDefaults = append(a.KwDefaults, def)
			} else {
				a.Args = append(a.Args, arg)
				if def != nil {
					a.Defaults = append(a.Defaults, def)
					sawDefault = true
				} else if sawDefault {
					p.errorAt(token.SyntaxError, arg.Start, arg.Stop, "non-default argument follows default argument")
				}
			}
		}
		if !p.got(token.COMMA) {
			break
		}
	}
	return a
}

// parseParam parses
//
//	param: NAME [annotation]
//	annotation: ':' expression
//	star_annotation: ':' star_expression   (only for *args)
func (p *parser) parseParam(annotations, star bool) *ast.Arg {
	n := p.expectName()
	arg := &ast.Arg{Arg: p.identifier(n)}
	if annotations && p.got(token.COLON) {
		if star {
			arg.Annotation = p.parseStarExpression()
		} else {
			arg.Annotation = p.parseExpression()
		}
	}
	arg.Loc = loc(n.Start, p.prev)
	return arg
}
