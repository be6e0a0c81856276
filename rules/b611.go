package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "B611", Name: "django_rawsql_used", Severity: Medium, Confidence: Medium, CWE: 89,
		Message:        "RawSQL with SQL that is not a literal can be injected",
		Recommendation: "Keep the SQL a literal and pass values in params.",
		Help:           "`RawSQL(sql, params)` inserts `sql` into the query as it is; built at run time from input, it carries injected SQL.",
		Flagged:        []string{"from django.db.models.expressions import RawSQL\nRawSQL('select %s' % col, [])\n"},
		Clean:          []string{"from django.db.models.expressions import RawSQL\nRawSQL('select col from t where id = %s', [i])\n"},
		Kinds:          []Kind{KindCall},
		CallLast:       []string{"RawSQL"},
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			if lastPart(c.CallName(call)) != "RawSQL" || !c.importContains("django.db.models") {
				return
			}
			sql := Keyword(call, "sql")
			if len(call.Args) > 0 {
				sql = call.Args[0]
			}
			if _, lit := StrConst(sql); sql != nil && !lit {
				c.Report(call)
			}
		},
	})
}
