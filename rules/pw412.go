package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "PW412", Name: "request_xxe", Severity: High, Confidence: Medium, CWE: 611,
		Message:        "XML from a web request or the network is parsed by a parser that resolves entities",
		Recommendation: "Parse untrusted XML with defusedxml, or an lxml parser built with resolve_entities=False and no_network=True.",
		Help:           "lxml's fromstring, XML and parse, and the standard library's minidom, pulldom and sax parse functions, given XML a client or a server sent, expand entities: external entities read local files, nested ones exhaust memory.",
		Flagged:        []string{"from flask import request\nfrom lxml import etree\ndef f():\n    return etree.fromstring(request.data)\n"},
		Clean:          []string{"from flask import request\nimport defusedxml.ElementTree as ET\ndef f():\n    return ET.fromstring(request.data)\n"},
		Kinds:          []Kind{KindEnd},
		Check:          func(c *Context, _ ast.Node) { c.reportFlow() },
	})
}
