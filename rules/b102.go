package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "B102", Name: "exec_used",
		Severity: Medium, Confidence: High, CWE: 78,
		Message:        "exec runs a string as Python code",
		Recommendation: "Do not build code at run time; dispatch to known functions, or parse data with json or ast.literal_eval.",
		Help:           "`exec` compiles and runs its argument. If any part of it comes from outside the program, the outside decides what runs.",
		Flagged: []string{
			"exec(code)\n",
			"exec('print(1)')\n",
		},
		Clean: []string{
			"obj.exec(code)\n",
			"from mymod import exec\nexec(code)\n",
			"execute(code)\n",
		},
		Kinds: []Kind{KindCall},
		Calls: []string{"exec"},
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			if c.CallName(call) == "exec" {
				c.Report(call)
			}
		},
	})
}
