package rules

func init() {
	Register(importRule(&Rule{
		ID: "B408", Name: "import_xml_minidom", Severity: Low, Confidence: High, CWE: 20,
		Message:        "xml.dom.minidom imported: unsafe on untrusted XML",
		Recommendation: "Use defusedxml.minidom for untrusted XML.",
		Help:           "The standard library's XML parsers expand entities; crafted documents can exhaust memory and CPU.",
		Flagged: []string{
			"from xml.dom import minidom\n",
		},
		Clean: []string{
			"from defusedxml import minidom\n",
		},
	}, []string{"xml.dom.minidom"}))
}
