package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "B113", Name: "request_without_timeout", Severity: Medium, Confidence: Low, CWE: 400,
		Message:        "HTTP request without a timeout can hang forever",
		Recommendation: "Pass timeout= (seconds) to every request, for example timeout=10.",
		Help: "`requests` waits indefinitely by default. A slow or malicious server can then hold the caller's thread forever. " +
			"An explicit `timeout=None` does the same, for requests and httpx.",
		BanditDiff: "A timeout given by an expression (`timeout=cfg.timeout`) counts as given; Bandit treats it as missing and reports a false positive.",
		Flagged:    []string{"import requests\nrequests.get(url)\n", "import httpx\nhttpx.post(url, timeout=None)\n"},
		Clean:      []string{"import requests\nrequests.get(url, timeout=5)\n", "import requests\nrequests.get(url, timeout=cfg.timeout)\n", "import httpx\nhttpx.get(url)\n"},
		Kinds:      []Kind{KindCall},
		CallWhen:   func(q, _ string) bool { return httpCall(q, true) },
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			q := c.CallName(call)
			if !httpCall(q, true) {
				return
			}
			kw := KeywordNode(call, "timeout")
			switch {
			case kw == nil && firstPart(q) == "requests":
				c.Report(call)
			case kw != nil && isConst(kw.Value, ast.ConstNone):
				c.ReportWith(kw, c.rule.Severity, c.rule.Confidence, "HTTP request with timeout=None can hang forever")
			}
		},
	})
}
