package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "B509", Name: "snmp_weak_cryptography", Severity: Medium, Confidence: High, CWE: 319,
		Message:        "SNMPv3 user without both authentication and privacy keys",
		Recommendation: "Give UsmUserData an authentication key and a privacy key (authPriv).",
		Help:           "An SNMPv3 user without both keys runs in noAuthNoPriv or authNoPriv mode, so traffic is unauthenticated or readable.",
		Flagged:        []string{"from pysnmp.hlapi import UsmUserData\nUsmUserData('user')\n"},
		Clean:          []string{"from pysnmp.hlapi import UsmUserData\nUsmUserData('user', 'authkey', 'privkey')\n"},
		Kinds:          []Kind{KindCall},
		Calls:          []string{"pysnmp.hlapi.UsmUserData"},
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			if c.CallName(call) == "pysnmp.hlapi.UsmUserData" && len(call.Args) < 3 {
				c.Report(call)
			}
		},
	})
}
