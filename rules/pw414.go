package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "PW414", Name: "request_trust_boundary", Severity: Low, Confidence: Medium, CWE: 501,
		Message:        "request data is stored in the session without validation",
		Recommendation: "Validate the value (type, allow-list) before storing it in the session, which later code trusts.",
		Help:           "A value from the request stored in the session (flask.session[...], request.session[...]) crosses a trust boundary: code that reads the session later treats it as the application's own.",
		Flagged:        []string{"from flask import request, session\ndef f():\n    session[\"role\"] = request.args[\"role\"]\n"},
		Clean:          []string{"from flask import request, session\ndef f():\n    role = request.args[\"role\"]\n    if role in (\"reader\", \"writer\"):\n        session[\"role\"] = role\n"},
		Kinds:          []Kind{KindEnd},
		Check:          func(c *Context, _ ast.Node) { c.reportFlow() },
	})
}
