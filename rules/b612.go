package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "B612", Name: "logging_config_insecure_listen", Severity: Medium, Confidence: High, CWE: 94,
		Message:        "logging.config.listen without verify accepts configuration, and so code, from the network",
		Recommendation: "Pass verify= a function that checks a signature on the received configuration, or do not listen at all.",
		Help:           "`logging.config.listen` applies configurations received on a socket; a configuration can name classes to instantiate, so whoever can connect can run code.",
		Flagged:        []string{"import logging.config\nlogging.config.listen(9999)\n"},
		Clean:          []string{"import logging.config\nlogging.config.listen(9999, verify=check_signature)\n"},
		Kinds:          []Kind{KindCall},
		Calls:          []string{"logging.config.listen"},
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			if c.CallName(call) == "logging.config.listen" && KeywordNode(call, "verify") == nil {
				c.Report(call)
			}
		},
	})
}
