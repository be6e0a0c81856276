package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "B104", Name: "hardcoded_bind_all_interfaces", Severity: Medium, Confidence: Medium, CWE: 605,
		Message:        "binding to 0.0.0.0 listens on every network interface",
		Recommendation: "Bind to 127.0.0.1 for local services, or to the one interface that must be reachable, from configuration.",
		Help:           "A server bound to `0.0.0.0` accepts connections from every network the machine is on, which is often more than intended.",
		Flagged:        []string{"server.bind(('0.0.0.0', 8080))\n", "HOST = '0.0.0.0'\n"},
		Clean:          []string{"server.bind(('127.0.0.1', 8080))\n", "'0.0.0.0'\n"},
		Kinds:          []Kind{KindStr},
		Check: func(c *Context, n ast.Node) {
			if s := n.(*ast.Constant); s.Str == "0.0.0.0" {
				c.Report(s)
			}
		},
	})
}
