package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "PW411", Name: "request_xpath_injection", Severity: Medium, Confidence: Medium, CWE: 643,
		Message:        "request data is part of an XPath expression",
		Recommendation: "Pass values as XPath variables: tree.xpath(\"//user[@name=$name]\", name=name).",
		Help:           "Request data in the expression of lxml's xpath() or etree.XPath changes the query: ' or '1'='1 selects every node.",
		Flagged:        []string{"from flask import request\ndef f(tree):\n    return tree.xpath(\"//user[@name='\" + request.args[\"n\"] + \"']\")\n"},
		Clean:          []string{"from flask import request\ndef f(tree):\n    return tree.xpath(\"//user[@name=$n]\", n=request.args[\"n\"])\n"},
		Kinds:          []Kind{KindEnd},
		Check:          func(c *Context, _ ast.Node) { c.reportFlow() },
	})
}
