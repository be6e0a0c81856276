package rules

import "github.com/pyward/pyward/python/ast"

// safeStringNames are the django.utils.safestring constructors that mark
// their argument as safe HTML.
var safeStringNames = []string{"mark_safe", "SafeText", "SafeUnicode", "SafeString", "SafeBytes"}

func init() {
	Register(&Rule{
		ID: "B703", Name: "django_mark_safe", Severity: Medium, Confidence: High, CWE: 80,
		Message:        "mark_safe of a value not proven to be built from string literals: possible cross-site scripting",
		Recommendation: "Build markup with django.utils.html.format_html, which escapes each value, or escape the value with django.utils.html.escape first.",
		Help: "A value marked safe is written into the page without escaping. The rule accepts a string literal, " +
			"and a local variable, `'...'.format(...)` or `'...' % (...)` whose every part is traced, within the " +
			"enclosing function or the module, back to string literals assigned before the call. Parameters and " +
			"anything else (attributes, subscripts, f-strings, other calls) are treated as possibly carrying input.",
		BanditDiff: "A with-statement binds the name when any of its items does (`with a() as x, b() as y`); Bandit looks only at the last item. A call with no positional argument is not reported (Bandit crashes on it internally).",
		Flagged: []string{
			"from django.utils.safestring import mark_safe\ndef view(request, name):\n    return mark_safe(name)\n",
			"from django.utils import safestring\nsafestring.mark_safe('<b>%s</b>' % request.GET['q'])\n",
		},
		Clean: []string{
			"from django.utils.safestring import mark_safe\nmark_safe('<b>static</b>')\n",
			"from django.utils.safestring import mark_safe\ndef banner():\n    tag = 'b'\n    return mark_safe('<{0}>hi</{0}>'.format(tag))\n",
		},
		Kinds:    []Kind{KindCall},
		CallLast: safeStringNames,
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			if !c.importContains("django.utils.safestring") || !inList(lastPart(c.CallName(call)), safeStringNames) {
				return
			}
			if len(call.Args) == 0 {
				return // nothing is marked safe (Bandit crashes here and reports nothing)
			}
			arg := call.Args[0]
			if isConst(arg, ast.ConstStr) {
				return
			}
			s := safety{c: c, scope: enclosingDef(c.File.Module, call)}
			line := c.File.Tok.Line(call.Pos())
			safe := false
			switch a := arg.(type) {
			case *ast.Name:
				safe = s.variable(a.ID, line)
			case *ast.Call:
				safe = s.format(a)
			case *ast.BinOp:
				if a.Op == ast.Mod && isConst(a.Left, ast.ConstStr) {
					args := []ast.Expr{a.Right}
					if t, ok := a.Right.(*ast.Tuple); ok {
						args = t.Elts
					}
					safe = s.formatArgs(args, line)
				}
			}
			if !safe {
				c.Report(call)
			}
		},
	})
}

// enclosingDef returns the innermost plain `def` around target, or nil at
// module level. Async functions, classes and lambdas do not count, as in
// Bandit's analysis.
func enclosingDef(mod *ast.Module, target ast.Node) *ast.FunctionDef {
	var stack []*ast.FunctionDef
	var found *ast.FunctionDef
	done := false
	var v visitorFunc
	v = func(n ast.Node) ast.Visitor {
		if done {
			return nil
		}
		if n == nil { // leaving a node: pop it if it was a def
			return nil
		}
		if n == target {
			if len(stack) > 0 {
				found = stack[len(stack)-1]
			}
			done = true
			return nil
		}
		if fd, ok := n.(*ast.FunctionDef); ok {
			stack = append(stack, fd)
			return popOnLeave{v, &stack}
		}
		return v
	}
	ast.Walk(v, mod)
	return found
}

type visitorFunc func(ast.Node) ast.Visitor

func (f visitorFunc) Visit(n ast.Node) ast.Visitor { return f(n) }

// popOnLeave visits a def's children and pops the def when Walk signals
// the end of the def with Visit(nil).
type popOnLeave struct {
	v     visitorFunc
	stack *[]*ast.FunctionDef
}

func (p popOnLeave) Visit(n ast.Node) ast.Visitor {
	if n == nil {
		*p.stack = (*p.stack)[:len(*p.stack)-1]
		return nil
	}
	return p.v(n)
}

// safety traces whether a value is built only from string literals, by
// looking at assignments in one scope's statements. It is deliberately
// local and flow-insensitive past the last assignment, as Bandit's is, so
// that findings match what Bandit users already triage.
type safety struct {
	c     *Context
	scope *ast.FunctionDef // nil: the module
	depth int
}

func (s *safety) body() []ast.Stmt {
	if s.scope == nil {
		return s.c.File.Module.Body
	}
	return s.scope.Body
}

func (s *safety) isParam(name string) bool {
	if s.scope == nil {
		return false
	}
	for _, a := range s.scope.Args.Args {
		if a.Arg == name {
			return true
		}
	}
	return false
}

// variable reports whether name, read at line until, holds a value built
// only from string literals.
func (s *safety) variable(name string, until int) bool {
	if s.isParam(name) {
		return false
	}
	// A self-referencing chain (x = y; y = x) would otherwise recurse forever.
	if s.depth++; s.depth > 64 {
		return false
	}
	defer func() { s.depth-- }()
	safe := false
	for _, st := range s.body() {
		line := s.c.File.Tok.Line(st.Pos())
		if line >= until {
			break
		}
		values, single := assignedIn(st, name)
		if len(values) == 0 {
			continue
		}
		if single {
			switch v := values[0].(type) {
			case *ast.Constant:
				if v.Kind != ast.ConstStr {
					return false
				}
				safe = true
			case *ast.Name:
				safe = s.variable(v.ID, s.c.File.Tok.Line(v.Pos()))
			case *ast.Call:
				safe = s.format(v)
			default:
				return false // any other value, including a with-statement's target
			}
			continue
		}
		for _, v := range values {
			switch v := v.(type) {
			case *ast.Constant:
				if v.Kind == ast.ConstStr {
					continue
				}
			case *ast.Name:
				if s.variable(v.ID, line) {
					continue
				}
			}
			return false
		}
		safe = true
	}
	return safe
}

// format reports whether call is `'literal'.format(args...)`, without
// keywords, whose every argument is safe.
func (s *safety) format(call *ast.Call) bool {
	attr, ok := call.Func.(*ast.Attribute)
	if !ok || attr.Attr != "format" || len(call.Keywords) > 0 {
		return false
	}
	if _, ok := attr.Value.(*ast.Constant); !ok {
		return false
	}
	return s.formatArgs(call.Args, s.c.File.Tok.Line(call.Pos()))
}

func (s *safety) formatArgs(args []ast.Expr, line int) bool {
	for i := 0; i < len(args); i++ {
		switch a := args[i].(type) {
		case *ast.Constant:
			if a.Kind == ast.ConstStr {
				continue
			}
		case *ast.Name:
			if s.variable(a.ID, line) {
				continue
			}
		case *ast.Call:
			if s.format(a) {
				continue
			}
		case *ast.Starred:
			switch seq := a.Value.(type) {
			case *ast.List:
				args = append(args[:len(args):len(args)], seq.Elts...)
				continue
			case *ast.Tuple:
				args = append(args[:len(args):len(args)], seq.Elts...)
				continue
			}
		}
		return false
	}
	return true
}

// unknownValue stands for what a with-statement binds with `as`: the
// context manager's result, never known to be safe.
var unknownValue ast.Expr = &ast.Tuple{}

// assignedIn returns the values st assigns to name. single is true when st
// itself assigns one value; otherwise the values are gathered from the
// statement's bodies and every one of them must be safe.
func assignedIn(st ast.Stmt, name string) (values []ast.Expr, single bool) {
	switch s := st.(type) {
	case *ast.Assign:
		switch t := s.Targets[0].(type) {
		case *ast.Name:
			if t.ID == name {
				return []ast.Expr{s.Value}, true
			}
		case *ast.Tuple:
			if v, ok := s.Value.(*ast.Tuple); ok {
				for i, e := range t.Elts {
					if n, ok := e.(*ast.Name); ok && n.ID == name && i < len(v.Elts) {
						return []ast.Expr{v.Elts[i]}, true
					}
				}
			}
		}
	case *ast.AugAssign:
		if t, ok := s.Target.(*ast.Name); ok && t.ID == name {
			return []ast.Expr{s.Value}, true
		}
	case *ast.With:
		for _, it := range s.Items {
			if n, ok := it.OptionalVars.(*ast.Name); ok && n.ID == name {
				return []ast.Expr{unknownValue}, true
			}
		}
		return gather(name, s.Body), false
	case *ast.FunctionDef:
		return gather(name, s.Body), false
	case *ast.Try:
		return gather(name, s.Body, handlersBody(s.Handlers), s.Orelse, s.Finalbody), false
	case *ast.If:
		return gather(name, s.Body, s.Orelse), false
	case *ast.For:
		return gather(name, s.Body, s.Orelse), false
	case *ast.While:
		return gather(name, s.Body, s.Orelse), false
	}
	return nil, false
}

func handlersBody(hs []*ast.ExceptHandler) []ast.Stmt {
	var out []ast.Stmt
	for _, h := range hs {
		out = append(out, h.Body...)
	}
	return out
}

// gather collects the values assigned to name anywhere in the statement
// lists, flattening nested compound statements.
func gather(name string, lists ...[]ast.Stmt) []ast.Expr {
	var all []ast.Expr
	for _, list := range lists {
		for _, st := range list {
			v, _ := assignedIn(st, name)
			all = append(all, v...)
		}
	}
	return all
}
