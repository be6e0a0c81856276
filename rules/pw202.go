package rules

import (
	"github.com/pyward/pyward/python/ast"
)

// elevating finds a privilege-elevating program at the start of a command
// or after a pipe or a command separator.
var elevating = lazyRegexp(`(?:^|[;&|]\s*|\$\(\s*)(?:/usr/bin/|/bin/|/usr/sbin/)?(sudo|su|doas|pkexec|runas|gsudo)(?:\s|$)`)

func init() {
	Register(&Rule{
		ID: "PW202", Name: "privilege_elevating_command", Severity: High, Confidence: High, CWE: 250,
		Message:        "the command elevates privileges with sudo, su, doas or pkexec",
		Recommendation: "Do not elevate from code: run the privileged step separately, by the administrator, with the least rights it needs.",
		Help:           "A process started with sudo, su, doas, pkexec or runas runs as another (usually the root) user. From library or application code this is rarely legitimate and is how malicious packages take over a machine where sudo needs no password.",
		Flagged:        []string{"import subprocess\nsubprocess.run(['sudo', 'rm', path])\n", "import os\nos.system('echo x | sudo tee /etc/hosts')\n"},
		Clean:          []string{"import subprocess\nsubprocess.run(['ls', '-l'])\n", "import os\nos.system('echo see man sudoers')\n"},
		Kinds:          []Kind{KindCall},
		CallWhen:       func(q, _ string) bool { return processFuncs[q] },
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			if cmd, ok := c.processCall(call); ok && elevating.MatchString(cmd) {
				c.Report(call)
			}
		},
	})
}
