package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "PW413", Name: "request_header_injection", Severity: Medium, Confidence: Medium, CWE: 113,
		Message:        "request data is written into a response header",
		Recommendation: "Validate header values (no CR or LF), or quote them with urllib.parse.quote.",
		Help:           "Request data stored in response.headers[...], or passed to set_header, add_header or set_cookie, can carry line breaks that add headers or split the response.",
		Flagged:        []string{"from flask import make_response, request\ndef f():\n    resp = make_response(\"ok\")\n    resp.headers[\"X-Name\"] = request.args[\"name\"]\n    return resp\n"},
		Clean:          []string{"from urllib.parse import quote\nfrom flask import make_response, request\ndef f():\n    resp = make_response(\"ok\")\n    resp.headers[\"X-Name\"] = quote(request.args[\"name\"])\n    return resp\n"},
		Kinds:          []Kind{KindEnd},
		Check:          func(c *Context, _ ast.Node) { c.reportFlow() },
	})
}
