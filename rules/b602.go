package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "B602", Name: "subprocess_popen_with_shell_equals_true",
		Severity: High, Confidence: High, CWE: 78,
		Message:        "subprocess call with shell=True: the command is run by a shell, so input in it can inject commands",
		Recommendation: "Pass the command as a list of arguments and drop shell=True; if a shell is truly needed, quote every input with shlex.quote.",
		Help: "A `subprocess` function called with a true `shell` argument hands its command to `/bin/sh`. " +
			"When any part of the command comes from outside the program, shell metacharacters in it (`;`, `|`, `$(...)`) run commands of the attacker's choosing.\n\n" +
			"Severity is HIGH when the command is built at run time, LOW when it is a string literal.",
		Flagged: []string{
			"import subprocess\nsubprocess.Popen(cmd, shell=True)\n",
			"from subprocess import call as c\nc('ls ' + d, shell=1)\n",
			"import subprocess\nsubprocess.run(['ls'], shell=flag)\n",
			"import subprocess\nsubprocess.check_output('ls -l', shell=True)\n",
		},
		Clean: []string{
			"import subprocess\nsubprocess.Popen(['ls', d])\n",
			"import subprocess\nsubprocess.Popen(cmd, shell=False)\n",
			"import subprocess\nsubprocess.call(shell=True)\n",
		},
		Options:   shellOptions,
		Kinds:     []Kind{KindCall},
		CallLists: []string{"subprocess"},
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			if !inList(c.CallName(call), c.List("subprocess")) || len(call.Args) == 0 {
				return
			}
			if kw, on := shellTruthy(call); on {
				c.ReportWith(kw, commandSeverity(call), High, c.rule.Message)
			}
		},
	})
}
