package rules

func init() {
	Register(callRule(&Rule{
		ID: "B316", Name: "xml_bad_expatbuilder", Severity: Medium, CWE: 20,
		Message:        "XML parsed with xml.dom.expatbuilder: untrusted XML can exhaust memory",
		Recommendation: "Use defusedxml.expatbuilder.",
		Help:           "The standard library's XML parsers expand entities, so crafted documents can exhaust memory and CPU.",
		Flagged: []string{
			"import xml.dom.expatbuilder\nxml.dom.expatbuilder.parseString(data)\n",
		},
		Clean: []string{
			"import defusedxml.expatbuilder\ndefusedxml.expatbuilder.parseString(data)\n",
		},
	}, expand("xml.dom.expatbuilder.parse", "xml.dom.expatbuilder.parseString")))
}
