package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "B504", Name: "ssl_with_no_version", Severity: Low, Confidence: Medium, CWE: 327,
		Message:        "ssl.wrap_socket without ssl_version relies on a default that may allow old protocols",
		Recommendation: "Use ssl.create_default_context().wrap_socket(...); ssl.wrap_socket is deprecated and gone in Python 3.12.",
		Help:           "`ssl.wrap_socket` without `ssl_version` negotiates with the library default, which on older systems still allows insecure versions.",
		Flagged:        []string{"import ssl\nssl.wrap_socket(sock)\n"},
		Clean:          []string{"import ssl\nssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_TLS_CLIENT)\n"},
		Kinds:          []Kind{KindCall},
		Calls:          []string{"ssl.wrap_socket"},
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			if c.CallName(call) == "ssl.wrap_socket" && KeywordNode(call, "ssl_version") == nil {
				c.Report(call)
			}
		},
	})
}
