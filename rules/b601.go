package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "B601", Name: "paramiko_calls", Severity: Medium, Confidence: Medium, CWE: 78,
		Message:        "paramiko exec_command runs its command through the remote shell",
		Recommendation: "Quote every input with shlex.quote, or run a fixed command and pass data another way.",
		Help:           "`SSHClient.exec_command` hands its string to the remote user's shell, so input in it can inject commands on the remote machine.",
		Flagged:        []string{"import paramiko\nclient.exec_command('ls ' + d)\n"},
		Clean:          []string{"client.exec_command('ls')\n", "import paramiko\nclient.open_sftp()\n"},
		Kinds:          []Kind{KindCall},
		CallLast:       []string{"exec_command"},
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			if lastPart(c.CallName(call)) == "exec_command" && c.importContains("paramiko") {
				c.Report(call)
			}
		},
	})
}
