package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "B606", Name: "start_process_with_no_shell",
		Severity: Low, Confidence: Medium, CWE: 78,
		Message:        "process started without a shell: check that the program and its arguments cannot be chosen by untrusted input",
		Recommendation: "Run a fixed program by its full path and validate arguments that come from outside.",
		Help:           "The `os.exec*`, `os.spawn*` and `os.startfile` functions replace or start processes without a shell. They are safe from shell injection, but what they run must still be trusted.",
		Flagged: []string{
			"import os\nos.execv('/bin/ls', ['ls'])\n",
			"from os import spawnlp\nspawnlp(0, 'ls', 'ls')\n",
		},
		Clean: []string{
			"import os\nos.getcwd()\n",
			"execv(path, args)\n",
		},
		Options:   shellOptions,
		Kinds:     []Kind{KindCall},
		CallLists: []string{"no_shell"},
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			if inList(c.CallName(call), c.List("no_shell")) {
				c.Report(call)
			}
		},
	})
}
