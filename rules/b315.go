package rules

func init() {
	Register(callRule(&Rule{
		ID: "B315", Name: "xml_bad_expatreader", Severity: Medium, CWE: 20,
		Message:        "SAX parser from xml.sax.expatreader: untrusted XML can exhaust memory",
		Recommendation: "Use defusedxml.expatreader.",
		Help:           "The standard library's XML parsers expand entities, so crafted documents can exhaust memory and CPU.",
		Flagged: []string{
			"import xml.sax.expatreader\nxml.sax.expatreader.create_parser()\n",
		},
		Clean: []string{
			"import defusedxml.expatreader\ndefusedxml.expatreader.create_parser()\n",
		},
	}, expand("xml.sax.expatreader.create_parser")))
}
