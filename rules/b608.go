package rules

import (
	"strings"

	"github.com/pyward/pyward/python/ast"
)

// sqlStatement matches text that looks like an SQL statement.
var sqlStatement = lazyRegexp(`(?is)select\s.*from\s|delete\s+from\s|insert\s+into\s.*values[\s(]|update\s.*set\s`).needing("select", "delete", "insert", "update")

func init() {
	Register(&Rule{
		ID: "B608", Name: "hardcoded_sql_expressions", Severity: Medium, Confidence: Medium, CWE: 89,
		Message:        "SQL built from strings: values in it can inject SQL",
		Recommendation: "Pass values as query parameters (cursor.execute(sql, params)) and keep the SQL text constant.",
		Help: "A query assembled with `+`, `%`, `.format` or an f-string puts its values into the SQL text, so a value containing SQL changes the query. " +
			"Confidence is MEDIUM when the built string goes straight to `execute` or `executemany`, LOW elsewhere (and with `.replace`). ",
		BanditDiff: "Each built expression is checked once, as a whole. Bandit checks each string piece against only part of the expression, so it misses `'SELECT * ' + 'FROM t WHERE id = ' + x` and can report one query several times.",
		Flagged:    []string{"cur.execute('SELECT * FROM users WHERE id = ' + uid)\n", "q = f'DELETE FROM t WHERE id = {i}'\n", "cur.execute('UPDATE t SET a = %s' % a)\n"},
		Clean:      []string{"cur.execute('SELECT * FROM users WHERE id = %s', (uid,))\n", "msg = 'selected ' + str(n) + ' files'\n", "cur.execute('SELECT * FROM t')\n"},
		Kinds:      []Kind{KindCall, KindBinOp, KindJoinedStr},
		Check: func(c *Context, n ast.Node) {
			switch e := n.(type) {
			case *ast.Call:
				// Arguments of execute are marked before they are visited.
				if name := calleeName(e.Func); name == "execute" || name == "executemany" {
					for _, a := range e.Args {
						c.Mark(a, "execute")
					}
				}
				a, ok := e.Func.(*ast.Attribute)
				if !ok || a.Attr != "format" && a.Attr != "replace" {
					return
				}
				if s, ok := StrConst(a.Value); ok && sqlStatement.MatchString(s) {
					conf := Low
					if a.Attr == "format" && c.Marked(e) == "execute" {
						conf = Medium
					}
					c.ReportWith(a.Value.(*ast.Constant), Medium, conf, c.rule.Message)
				}
			case *ast.BinOp:
				if c.Marked(e) == "inner" {
					return
				}
				var pieces []string
				var first ast.Located
				var walk func(x ast.Expr)
				walk = func(x ast.Expr) {
					switch v := x.(type) {
					case *ast.BinOp:
						c.Mark(v, "inner")
						walk(v.Left)
						walk(v.Right)
					case *ast.Constant:
						if v.Kind == ast.ConstStr {
							pieces = append(pieces, v.Str)
							if first == nil {
								first = v
							}
						}
					}
				}
				walk(e.Left)
				walk(e.Right)
				if first != nil && sqlStatement.MatchString(strings.Join(pieces, " ")) {
					c.ReportWith(first, Medium, confidence(c, e), c.rule.Message)
				}
			case *ast.JoinedStr:
				var b strings.Builder
				var first ast.Located
				for _, v := range e.Values {
					if s, ok := v.(*ast.Constant); ok {
						b.WriteString(s.Str)
						if first == nil {
							first = s
						}
					}
				}
				if first != nil && sqlStatement.MatchString(b.String()) {
					c.ReportWith(first, Medium, confidence(c, e), c.rule.Message)
				}
			}
		},
	})
}

// confidence is MEDIUM for SQL built straight into an execute call.
func confidence(c *Context, e ast.Expr) Level {
	if c.Marked(e) == "execute" {
		return Medium
	}
	return Low
}

// calleeName is the name a call is made through: an attribute's name or a
// plain name; "" otherwise.
func calleeName(f ast.Expr) string {
	switch v := f.(type) {
	case *ast.Attribute:
		return v.Attr
	case *ast.Name:
		return v.ID
	}
	return ""
}
