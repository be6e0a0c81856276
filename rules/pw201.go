package rules

import "github.com/pyward/pyward/python/ast"

var setidFuncs = []string{"os.setuid", "os.setgid", "os.seteuid", "os.setegid", "os.setreuid", "os.setregid", "os.setresuid", "os.setresgid"}

func init() {
	Register(&Rule{
		ID: "PW201", Name: "set_root_id", Severity: High, Confidence: High, CWE: 250,
		Message:        "the process switches to user or group 0 (root)",
		Recommendation: "Run with the least privilege needed; if the program must drop privileges, switch to an unprivileged id, never to 0.",
		Help:           "`os.setuid(0)` and its relatives give the process root's identity. In code that is not a privileged service's own start-up this is an escalation attempt (it succeeds for setuid binaries and root-owned processes).",
		Flagged:        []string{"import os\nos.setuid(0)\n", "import os\nos.setresgid(0, 0, 0)\n"},
		Clean:          []string{"import os\nos.setuid(1000)\n", "import os\nos.setgid(pwd.getpwnam('nobody').pw_gid)\n"},
		Kinds:          []Kind{KindCall},
		Calls:          setidFuncs,
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			for _, a := range call.Args {
				if k, ok := intConst(a); ok && k == 0 {
					c.Report(call)
					return
				}
			}
		},
	})
}
