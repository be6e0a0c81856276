package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "PW408", Name: "request_xss", Severity: Medium, Confidence: Medium, CWE: 79,
		Message:        "request data is returned as HTML without escaping",
		Recommendation: "Render through a template with autoescaping, or escape with markupsafe.escape or html.escape before building HTML.",
		Help:           "Request data that reaches make_response, Response, HttpResponse, HTMLResponse, Markup or mark_safe unescaped runs as script in the visitor's browser.",
		Flagged:        []string{"from flask import make_response, request\ndef f():\n    return make_response(\"<p>\" + request.args[\"q\"] + \"</p>\")\n"},
		Clean:          []string{"import html\nfrom flask import make_response, request\ndef f():\n    return make_response(\"<p>\" + html.escape(request.args[\"q\"]) + \"</p>\")\n"},
		Kinds:          []Kind{KindEnd},
		Check:          func(c *Context, _ ast.Node) { c.reportFlow() },
	})
}
