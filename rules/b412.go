package rules

func init() {
	Register(importRule(&Rule{
		ID: "B412", Name: "import_httpoxy", Severity: High, Confidence: High, CWE: 284,
		Message:        "CGI handler: a client's Proxy header becomes HTTP_PROXY (httpoxy)",
		Recommendation: "Do not run under CGI, or drop the Proxy request header before the application sees it.",
		Help:           "Under CGI, a request's `Proxy:` header arrives as the `HTTP_PROXY` environment variable, which HTTP clients use as their proxy: the client chooses where outgoing requests go.",
		Flagged: []string{
			"from wsgiref.handlers import CGIHandler\n",
			"import wsgiref.handlers\nwsgiref.handlers.CGIHandler().run(app)\n",
		},
		Clean: []string{
			"import wsgiref.handlers\n",
			"from wsgiref.simple_server import make_server\n",
		},
	}, []string{"wsgiref.handlers.CGIHandler", "twisted.web.twcgi.CGIScript", "twisted.web.twcgi.CGIDirectory"}))
}
