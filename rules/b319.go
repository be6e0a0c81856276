package rules

func init() {
	Register(callRule(&Rule{
		ID: "B319", Name: "xml_bad_pulldom", Severity: Medium, CWE: 20,
		Message:        "XML parsed with xml.dom.pulldom: untrusted XML can exhaust memory",
		Recommendation: "Use defusedxml.pulldom.",
		Help:           "The standard library's XML parsers expand entities, so crafted documents can exhaust memory and CPU.",
		Flagged: []string{
			"from xml.dom import pulldom\npulldom.parse(path)\n",
		},
		Clean: []string{
			"from defusedxml import pulldom\npulldom.parse(path)\n",
		},
	}, expand("xml.dom.pulldom.parse", "xml.dom.pulldom.parseString")))
}
