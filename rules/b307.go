package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "B307", Name: "eval",
		Severity: Medium, Confidence: High, CWE: 78,
		Message:        "eval runs a string as a Python expression",
		Recommendation: "Use ast.literal_eval for literals, json for data, or an explicit mapping of allowed operations.",
		Help:           "`eval` evaluates its argument as Python. An expression can call any function, so input that reaches `eval` runs code.",
		Flagged: []string{
			"eval(user_input)\n",
			"x = eval('1 + 1')\n",
		},
		Clean: []string{
			"self.eval(x)\n",
			"import ast\nast.literal_eval(s)\n",
		},
		Kinds: []Kind{KindCall},
		Calls: []string{"eval"},
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			if c.CallName(call) == "eval" {
				c.Report(call)
			}
		},
	})
}
