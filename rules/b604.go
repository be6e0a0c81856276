package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "B604", Name: "any_other_function_with_shell_equals_true",
		Severity: Medium, Confidence: Low, CWE: 78,
		Message:        "function called with shell=True: it may run its argument through a shell",
		Recommendation: "Check what the function does with its command; prefer an API that takes a list of arguments and no shell.",
		Help: "Functions other than the `subprocess` ones that take `shell=True` (wrappers, task runners) usually pass their command to a shell, " +
			"with the same injection risk as `subprocess` with `shell=True`. Confidence is LOW because the function is not known.",
		Flagged: []string{
			"run_command(cmd, shell=True)\n",
			"import os\nos.system(cmd, shell=True)\n",
		},
		Clean: []string{
			"import subprocess\nsubprocess.Popen(cmd, shell=True)\n",
			"run_command(cmd, shell=False)\n",
		},
		Options:      shellOptions,
		Kinds:        []Kind{KindCall},
		CallKeywords: []string{"shell"},
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			if inList(c.CallName(call), c.List("subprocess")) {
				return
			}
			if kw, on := shellTruthy(call); on {
				c.ReportWith(kw, c.rule.Severity, c.rule.Confidence, c.rule.Message)
			}
		},
	})
}
