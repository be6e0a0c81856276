package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "B603", Name: "subprocess_without_shell_equals_true",
		Severity: Low, Confidence: High, CWE: 78,
		Message:        "subprocess call without a shell: check that the program and its arguments cannot be chosen by untrusted input",
		Recommendation: "Run a fixed program by its full path and validate every argument that comes from outside.",
		Help: "Running a process without a shell avoids shell injection, but the program and its arguments still decide what runs. " +
			"This is a reminder to review where they come from.",
		Flagged: []string{
			"import subprocess\nsubprocess.Popen(['/bin/ls', d])\n",
			"import subprocess\nsubprocess.run(args, shell=False)\n",
			"import subprocess\nsubprocess.check_output([])\n",
		},
		Clean: []string{
			"import subprocess\nsubprocess.Popen(cmd, shell=True)\n",
			"import os\nos.system('ls')\n",
		},
		Options:   shellOptions,
		Kinds:     []Kind{KindCall},
		CallLists: []string{"subprocess"},
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			if !inList(c.CallName(call), c.List("subprocess")) {
				return
			}
			if _, on := shellTruthy(call); !on {
				c.Report(call)
			}
		},
	})
}
