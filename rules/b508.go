package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "B508", Name: "snmp_insecure_version", Severity: Medium, Confidence: High, CWE: 319,
		Message:        "SNMPv1 or v2c: community strings travel in clear text",
		Recommendation: "Use SNMPv3 with authentication and privacy (UsmUserData with auth and priv keys).",
		Help:           "SNMP versions 1 and 2c authenticate with a community string sent unencrypted; anyone on the path can read it and manage the device.",
		Flagged:        []string{"from pysnmp.hlapi import CommunityData\nCommunityData('public', mpModel=0)\n"},
		Clean:          []string{"from pysnmp.hlapi import CommunityData\nCommunityData('public', mpModel=2)\n"},
		Kinds:          []Kind{KindCall},
		Calls:          []string{"pysnmp.hlapi.CommunityData"},
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			if c.CallName(call) != "pysnmp.hlapi.CommunityData" {
				return
			}
			if v, ok := intConst(Keyword(call, "mpModel")); ok && (v == 0 || v == 1) {
				c.Report(call)
			}
		},
	})
}
