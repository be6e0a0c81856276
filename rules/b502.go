package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "B502", Name: "ssl_with_bad_version", Severity: High, Confidence: High, CWE: 327,
		Message:        "insecure SSL/TLS protocol version (SSLv2, SSLv3, TLS 1.0 or 1.1)",
		Recommendation: "Use ssl.create_default_context() (TLS 1.2 or newer), or PROTOCOL_TLS_CLIENT with minimum_version set.",
		Help:           "SSL 2 and 3 and TLS 1.0 and 1.1 have practical attacks and are disabled by modern servers and browsers.",
		Flagged:        []string{"import ssl\nssl.wrap_socket(s, ssl_version=ssl.PROTOCOL_SSLv3)\n", "from OpenSSL import SSL\nSSL.Context(method=SSL.TLSv1_METHOD)\n"},
		Clean:          []string{"import ssl\nssl.wrap_socket(s, ssl_version=ssl.PROTOCOL_TLS_CLIENT)\n", "import ssl\nssl.create_default_context()\n"},
		Options:        badProtocolOption,
		Kinds:          []Kind{KindCall},
		CallKeywords:   []string{"ssl_version", "method"},
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			q := c.CallName(call)
			bad := c.List("bad_protocol_versions")
			for _, name := range []string{"ssl_version", "method"} {
				kw := KeywordNode(call, name)
				if kw == nil || !nameOrStrIs(kw.Value, bad) {
					continue
				}
				if q == "ssl.wrap_socket" && name == "ssl_version" || q == "pyOpenSSL.SSL.Context" && name == "method" {
					c.ReportWith(kw, High, High, c.rule.Message)
				} else {
					c.ReportWith(kw, Medium, Medium, c.rule.Message)
				}
				return
			}
		},
	})
}

// nameOrStrIs reports whether e is a name, attribute or string naming one
// of names.
func nameOrStrIs(e ast.Expr, names []string) bool {
	if s, ok := StrConst(e); ok {
		return inList(s, names)
	}
	return nameIs(e, names...)
}
