package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "PW409", Name: "request_template_injection", Severity: High, Confidence: Medium, CWE: 1336,
		Message:        "a template's source is built from a web request",
		Recommendation: "Keep templates fixed and pass request data as template variables: render_template_string(\"Hi {{ name }}\", name=name).",
		Help:           "A template compiled from request data (render_template_string, jinja2.Template, Environment.from_string, Django and Mako templates) lets the client write template code, which reaches Python objects and runs code.",
		Flagged:        []string{"from flask import render_template_string, request\ndef f():\n    return render_template_string(\"Hello \" + request.args[\"name\"])\n"},
		Clean:          []string{"from flask import render_template_string, request\ndef f():\n    return render_template_string(\"Hello {{ name }}\", name=request.args[\"name\"])\n"},
		Kinds:          []Kind{KindEnd},
		Check:          func(c *Context, _ ast.Node) { c.reportFlow() },
	})
}
