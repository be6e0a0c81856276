package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "B507", Name: "ssh_no_host_key_verification", Severity: High, Confidence: Medium, CWE: 295,
		Message:        "SSH host keys not verified: any server is accepted",
		Recommendation: "Load known host keys (client.load_system_host_keys()) and keep the default RejectPolicy.",
		Help:           "`AutoAddPolicy` and `WarningPolicy` accept a server whose key is unknown, so a man in the middle is never noticed.",
		Flagged:        []string{"import paramiko\nclient.set_missing_host_key_policy(paramiko.AutoAddPolicy())\n"},
		Clean:          []string{"import paramiko\nclient.set_missing_host_key_policy(paramiko.RejectPolicy())\n"},
		Kinds:          []Kind{KindCall},
		CallLast:       []string{"set_missing_host_key_policy"},
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			if lastPart(c.CallName(call)) != "set_missing_host_key_policy" || len(call.Args) == 0 || !c.importContains("paramiko") {
				return
			}
			arg := call.Args[0]
			if inner, ok := arg.(*ast.Call); ok {
				arg = inner.Func
			}
			if nameIs(arg, "AutoAddPolicy", "WarningPolicy") {
				c.Report(call)
			}
		},
	})
}
