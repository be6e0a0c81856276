package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "PW404", Name: "user_input_in_sql", Severity: High, Confidence: Medium, CWE: 89,
		Message:        "user input is part of the SQL text that is run",
		Recommendation: "Pass values as query parameters: cursor.execute(\"... WHERE id = %s\", (uid,)).",
		Help:           "A value from input that reaches the SQL text of execute, executemany, executescript or raw (not their parameters) changes the query.",
		Flagged:        []string{"import sys\ncur.execute(\"SELECT * FROM t WHERE id = \" + sys.argv[1])\n"},
		Clean:          []string{"import sys\ncur.execute(\"SELECT * FROM t WHERE id = %s\", (sys.argv[1],))\n"},
		Kinds:          []Kind{KindEnd},
		Check:          func(c *Context, _ ast.Node) { c.reportFlow() },
	})
}
