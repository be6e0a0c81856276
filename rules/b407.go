package rules

func init() {
	Register(importRule(&Rule{
		ID: "B407", Name: "import_xml_expat", Severity: Low, Confidence: High, CWE: 20,
		Message:        "xml.dom.expatbuilder imported: unsafe on untrusted XML",
		Recommendation: "Use defusedxml.expatbuilder for untrusted XML.",
		Help:           "The standard library's XML parsers expand entities; crafted documents can exhaust memory and CPU.",
		Flagged: []string{
			"import xml.dom.expatbuilder\n",
		},
		Clean: []string{
			"import xml.dom\n",
		},
	}, []string{"xml.dom.expatbuilder"}))
}
