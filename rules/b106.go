package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "B106", Name: "hardcoded_password_funcarg", Severity: Low, Confidence: Medium, CWE: 259,
		Message:        "possible hard-coded password passed as an argument",
		Recommendation: "Pass secrets read from the environment or a secret store, not literals.",
		Help:           "A keyword argument named like a password (`password=`, `token=`) given a string literal puts the secret in the source.",
		Flagged:        []string{"connect(host, password='hunter2')\n", "Client(api_token='abc')\n"},
		Clean:          []string{"connect(host, password=os.environ['PW'])\n", "connect(host, user='admin')\n"},
		Kinds:          []Kind{KindCall},
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			for _, k := range call.Keywords {
				// The value first: a string constant is rarer than a
				// name the expression has to look at.
				if _, ok := StrConst(k.Value); !ok || k.Arg == nil || !passwordName.MatchString(*k.Arg) {
					continue
				}
				c.ReportWith(k.Value, c.rule.Severity, c.rule.Confidence, c.rule.Message)
				return
			}
		},
	})
}
