package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "B501", Name: "request_with_no_cert_validation", Severity: High, Confidence: High, CWE: 295,
		Message:        "HTTPS request with certificate verification turned off",
		Recommendation: "Keep verify=True (the default); point verify= at a CA bundle if the server uses a private CA.",
		Help:           "`verify=False` accepts any certificate, so anyone on the network path can impersonate the server and read or change the traffic.",
		BanditDiff:     "Only a literal `verify=False` is reported. Bandit also reports `verify='False'`, which requests reads as the path of a CA bundle, not as turning verification off.",
		Flagged:        []string{"import requests\nrequests.get(url, verify=False, timeout=5)\n", "import httpx\nhttpx.Client(verify=False)\n"},
		Clean:          []string{"import requests\nrequests.get(url, verify='/etc/ssl/ca.pem', timeout=5)\n", "import requests\nrequests.get(url, timeout=5)\n"},
		Kinds:          []Kind{KindCall},
		CallKeywords:   []string{"verify"},
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			if !httpCall(c.CallName(call), true) {
				return
			}
			if kw := KeywordNode(call, "verify"); kw != nil && isConst(kw.Value, ast.ConstFalse) {
				c.ReportWith(kw, c.rule.Severity, c.rule.Confidence, c.rule.Message)
			}
		},
	})
}
