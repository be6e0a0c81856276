package rules

func init() {
	Register(callRule(&Rule{
		ID: "B317", Name: "xml_bad_sax", Severity: Medium, CWE: 20,
		Message:        "XML parsed with xml.sax: untrusted XML can exhaust memory",
		Recommendation: "Use defusedxml.sax.",
		Help:           "The standard library's XML parsers expand entities, so crafted documents can exhaust memory and CPU.",
		Flagged: []string{
			"import xml.sax\nxml.sax.parseString(data, handler)\n",
		},
		Clean: []string{
			"import defusedxml.sax\ndefusedxml.sax.parseString(data, handler)\n",
		},
	}, expand("xml.sax.parse", "xml.sax.parseString", "xml.sax.make_parser")))
}
