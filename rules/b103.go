package rules

import (
	"fmt"
	"strings"

	"github.com/pyward/pyward/python/ast"
)

func init() {
	Register(&Rule{
		ID: "B103", Name: "set_bad_file_permissions", Severity: High, Confidence: High, CWE: 732,
		Message:        "chmod gives others or the group write or execute permission",
		Recommendation: "Grant only what is needed, for example 0o600 for secrets and 0o644 or 0o755 for shared files.",
		Help:           "Making a file writable by others lets any local user change it; executable by group or others widens who can run it. Severity is HIGH when others may write, MEDIUM otherwise.",
		Flagged: []string{
			"import os\nos.chmod(path, 0o777)\n",
			"import os\nos.chmod(path, 0o750)\n",
		},
		Clean: []string{
			"import os\nos.chmod(path, 0o600)\n",
			"import os, stat\nos.chmod(path, stat.S_IRUSR)\n",
		},
		Kinds:    []Kind{KindCall},
		CallWhen: func(q, _ string) bool { return strings.Contains(lastPart(q), "chmod") },
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			if !strings.Contains(lastPart(c.CallName(call)), "chmod") || len(call.Args) != 2 {
				return
			}
			mode, ok := intConst(call.Args[1])
			if !ok || mode&0o033 == 0 {
				return
			}
			sev := Medium
			if mode&0o002 != 0 {
				sev = High
			}
			c.ReportWith(call, sev, High, fmt.Sprintf("chmod to %#o gives others or the group write or execute permission", mode))
		},
	})
}
