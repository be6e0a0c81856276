package rules

import (
	"strings"

	"github.com/pyward/pyward/python/ast"
)

func init() {
	Register(&Rule{
		ID: "B609", Name: "linux_commands_wildcard_injection", Severity: High, Confidence: Medium, CWE: 155,
		Message:        "wildcard in a shell command of chown, chmod, tar or rsync: file names can become options",
		Recommendation: "Pass explicit file lists without a shell, or put -- before the wildcard so names cannot be read as options.",
		Help:           "The shell expands `*` to file names; a file named `--checkpoint-action=exec=sh x.sh` then becomes an option of `tar` (likewise for chown, chmod and rsync).",
		Flagged:        []string{"import os\nos.system('tar cf backup.tar *')\n", "import subprocess\nsubprocess.Popen('chmod +x *', shell=True)\n"},
		Clean:          []string{"import os\nos.system('tar cf backup.tar dir')\n", "import subprocess\nsubprocess.Popen(['chmod', '+x', '*'])\n"},
		Options:        shellOptions,
		Kinds:          []Kind{KindCall},
		CallLists:      []string{"shell", "subprocess"},
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			if len(call.Args) == 0 {
				return
			}
			q := c.CallName(call)
			var at ast.Located = call
			switch {
			case inList(q, c.List("shell")):
			case inList(q, c.List("subprocess")):
				kw := KeywordNode(call, "shell")
				if kw == nil || !isConst(kw.Value, ast.ConstTrue) {
					return
				}
				at = kw
			default:
				return
			}
			var cmd string
			switch a := call.Args[0].(type) {
			case *ast.Constant:
				cmd = a.Str
			case *ast.List:
				for _, e := range a.Elts {
					if s, ok := StrConst(e); ok {
						cmd += " " + s
					}
				}
			}
			if !strings.Contains(cmd, "*") {
				return
			}
			for _, prog := range []string{"chown", "chmod", "tar", "rsync"} {
				if strings.Contains(cmd, prog) {
					c.ReportWith(at, c.rule.Severity, c.rule.Confidence, c.rule.Message)
					return
				}
			}
		},
	})
}
