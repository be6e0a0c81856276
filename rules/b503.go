package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "B503", Name: "ssl_with_bad_defaults", Severity: Medium, Confidence: Medium, CWE: 327,
		Message:        "function defaults to an insecure SSL/TLS protocol version",
		Recommendation: "Default to ssl.PROTOCOL_TLS_CLIENT, or take a context from ssl.create_default_context().",
		Help:           "A parameter whose default is an insecure protocol constant makes every caller that omits it use SSLv2, SSLv3, TLS 1.0 or 1.1.",
		Flagged:        []string{"import ssl\ndef connect(host, version=ssl.PROTOCOL_SSLv3):\n    pass\n"},
		Clean:          []string{"import ssl\ndef connect(host, version=ssl.PROTOCOL_TLS_CLIENT):\n    pass\n"},
		Options:        badProtocolOption,
		Kinds:          []Kind{KindFunctionDef},
		Check: func(c *Context, n ast.Node) {
			fn := n.(*ast.FunctionDef)
			bad := c.List("bad_protocol_versions")
			for _, d := range fn.Args.Defaults {
				if a, ok := d.(*ast.Attribute); ok && inList(a.Attr, bad) {
					c.Report(fn)
					return
				}
			}
		},
	})
}
