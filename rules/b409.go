package rules

func init() {
	Register(importRule(&Rule{
		ID: "B409", Name: "import_xml_pulldom", Severity: Low, Confidence: High, CWE: 20,
		Message:        "xml.dom.pulldom imported: unsafe on untrusted XML",
		Recommendation: "Use defusedxml.pulldom for untrusted XML.",
		Help:           "The standard library's XML parsers expand entities; crafted documents can exhaust memory and CPU.",
		Flagged: []string{
			"import xml.dom.pulldom\n",
		},
		Clean: []string{
			"import defusedxml.pulldom\n",
		},
	}, []string{"xml.dom.pulldom"}))
}
