package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "PW406", Name: "request_url_fetched", Severity: High, Confidence: Medium, CWE: 918,
		Message:        "a URL or host from a web request is fetched",
		Recommendation: "Fetch only URLs built from a fixed base and a validated path, or check the host against an allow-list before the request.",
		Help:           "Request data that reaches the URL or host of requests, httpx, urllib, aiohttp or http.client lets the client make the server call any address, internal services and cloud metadata included.",
		Flagged:        []string{"import requests\nfrom flask import request\ndef f():\n    return requests.get(request.args[\"url\"]).text\n"},
		Clean:          []string{"import requests\nfrom flask import request\ndef f():\n    return requests.get(\"https://api.example.com/items\", params={\"q\": request.args[\"q\"]}).text\n"},
		Kinds:          []Kind{KindEnd},
		Check:          func(c *Context, _ ast.Node) { c.reportFlow() },
	})
}
