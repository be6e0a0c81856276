package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "B610", Name: "django_extra_used", Severity: Medium, Confidence: Medium, CWE: 89,
		Message:        "QuerySet.extra with SQL that is not a literal can be injected",
		Recommendation: "Use the ORM's filters and annotations, or pass values through params= instead of building the SQL.",
		Help:           "`extra(where=..., tables=..., select=...)` puts its strings into the SQL as they are; any that are built at run time can carry injected SQL.",
		Flagged:        []string{"User.objects.extra(where=['name = %s' % name])\n", "qs.extra(select={'x': expr})\n"},
		Clean:          []string{"User.objects.extra(where=['name = %s'], params=[name])\n", "qs.extra(select={'x': 'count(*)'})\n"},
		Kinds:          []Kind{KindCall},
		CallLast:       []string{"extra"},
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			if lastPart(c.CallName(call)) != "extra" {
				return
			}
			arg := func(name string, pos int) ast.Expr {
				if v := Keyword(call, name); v != nil {
					return v
				}
				if pos < len(call.Args) {
					return call.Args[pos]
				}
				return nil
			}
			// positional order: select, where, params, tables, order_by, select_params
			for _, a := range []ast.Expr{arg("where", 1), arg("tables", 3)} {
				if a != nil && !literalStrings(a) {
					c.Report(call)
					return
				}
			}
			if sel := arg("select", 0); sel != nil {
				d, ok := sel.(*ast.Dict)
				if !ok {
					c.Report(call)
					return
				}
				for i, k := range d.Keys {
					_, kOK := StrConst(k)
					_, vOK := StrConst(d.Values[i])
					if !kOK || !vOK {
						c.Report(call)
						return
					}
				}
			}
		},
	})
}

// literalStrings reports whether e is a list display of string literals.
func literalStrings(e ast.Expr) bool {
	l, ok := e.(*ast.List)
	if !ok {
		return false
	}
	for _, x := range l.Elts {
		if _, ok := StrConst(x); !ok {
			return false
		}
	}
	return true
}
