package rules

import (
	"github.com/pyward/pyward/python/ast"
)

// chmodSetid finds chmod giving the setuid or setgid bit in a command.
var chmodSetid = lazyRegexp(`\bchmod\s+(?:-\w+\s+)*(?:[ugoa]*\+[rwxt]*s|0?[4-7][0-7]{3})\b`)

func init() {
	Register(&Rule{
		ID: "PW203", Name: "setuid_bit", Severity: High, Confidence: High, CWE: 732,
		Message:        "a file is given the setuid or setgid bit",
		Recommendation: "Do not create setuid or setgid files from code; grant the specific capability the program needs instead.",
		Help:           "A setuid (or setgid) executable runs with its owner's (or group's) rights whoever starts it: a root-owned one is a standing privilege escalation. Mode literals with 0o4000 or 0o2000, `stat.S_ISUID`/`S_ISGID`, and `chmod u+s` or `chmod 4755` in commands are flagged.",
		Flagged:        []string{"import os\nos.chmod(path, 0o4755)\n", "import os, stat\nos.chmod(path, stat.S_ISUID | stat.S_IRWXU)\n", "import os\nos.system('chmod u+s /tmp/sh')\n"},
		Clean:          []string{"import os\nos.chmod(path, 0o755)\n", "import os, stat\nos.chmod(path, stat.S_IRWXU)\n"},
		Kinds:          []Kind{KindCall},
		CallWhen: func(q, method string) bool {
			return processFuncs[q] || q == "os.chmod" || q == "os.lchmod" || q == "os.fchmod" || method == "chmod"
		},
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			if cmd, ok := c.processCall(call); ok {
				if chmodSetid.MatchString(cmd) {
					c.Report(call)
				}
				return
			}
			var mode ast.Expr
			switch q := c.CallName(call); q {
			case "os.chmod", "os.lchmod", "os.fchmod":
				if len(call.Args) > 1 {
					mode = call.Args[1]
				} else {
					mode = Keyword(call, "mode")
				}
			default:
				if a, ok := call.Func.(*ast.Attribute); ok && a.Attr == "chmod" && len(call.Args) == 1 {
					mode = call.Args[0] // pathlib
				}
			}
			if mode != nil && setidMode(mode) {
				c.Report(call)
			}
		},
	})
}

// setidMode reports whether a mode expression sets 0o4000 or 0o2000.
func setidMode(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Constant:
			if k, ok := intConst(n); ok && k&0o6000 != 0 && k < 0o10000 {
				found = true
			}
		case *ast.Attribute:
			if n.Attr == "S_ISUID" || n.Attr == "S_ISGID" {
				found = true
			}
		case *ast.Name:
			if n.ID == "S_ISUID" || n.ID == "S_ISGID" {
				found = true
			}
		}
		return !found
	})
	return found
}
