package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "PW407", Name: "request_open_redirect", Severity: Medium, Confidence: Medium, CWE: 601,
		Message:        "a redirect's target comes from a web request",
		Recommendation: "Redirect to a fixed path, url_for(...), or check the target with url_has_allowed_host_and_scheme first.",
		Help:           "A redirect (flask.redirect, Django's redirect and HttpResponseRedirect, Starlette's RedirectResponse, aiohttp's HTTPFound, Tornado's self.redirect) to a location the request chooses sends users to any site with the application's name on the link.",
		Flagged:        []string{"from flask import redirect, request\ndef f():\n    return redirect(request.args[\"next\"])\n"},
		Clean:          []string{"from flask import redirect, request, url_for\ndef f():\n    return redirect(url_for(\"index\"))\n"},
		Kinds:          []Kind{KindEnd},
		Check:          func(c *Context, _ ast.Node) { c.reportFlow() },
	})
}
