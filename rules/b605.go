package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "B605", Name: "start_process_with_a_shell",
		Severity: High, Confidence: High, CWE: 78,
		Message:        "process started with a shell: input in the command can inject commands",
		Recommendation: "Use subprocess.run with a list of arguments and no shell; quote inputs with shlex.quote if a shell cannot be avoided.",
		Help: "`os.system`, `os.popen` and their relatives always run their command through a shell. " +
			"Severity is HIGH when the command is built at run time, LOW when it is a string literal.",
		Flagged: []string{
			"import os\nos.system('rm -rf ' + path)\n",
			"import os as o\no.popen(cmd)\n",
			"import subprocess\nsubprocess.getoutput('ls')\n",
		},
		Clean: []string{
			"import os\nos.system()\n",
			"import subprocess\nsubprocess.run(['ls'])\n",
			"system('ls')\n",
		},
		Options:   shellOptions,
		Kinds:     []Kind{KindCall},
		CallLists: []string{"shell"},
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			if len(call.Args) > 0 && inList(c.CallName(call), c.List("shell")) {
				c.ReportWith(call, commandSeverity(call), High, c.rule.Message)
			}
		},
	})
}
