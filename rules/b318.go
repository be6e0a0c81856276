package rules

func init() {
	Register(callRule(&Rule{
		ID: "B318", Name: "xml_bad_minidom", Severity: Medium, CWE: 20,
		Message:        "XML parsed with xml.dom.minidom: untrusted XML can exhaust memory",
		Recommendation: "Use defusedxml.minidom.",
		Help:           "The standard library's XML parsers expand entities, so crafted documents can exhaust memory and CPU.",
		Flagged: []string{
			"from xml.dom import minidom\nminidom.parseString(data)\n",
		},
		Clean: []string{
			"from defusedxml import minidom\nminidom.parseString(data)\n",
		},
	}, expand("xml.dom.minidom.parse", "xml.dom.minidom.parseString")))
}
