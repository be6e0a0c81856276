package rules

func init() {
	Register(importRule(&Rule{
		ID: "B406", Name: "import_xml_sax", Severity: Low, Confidence: High, CWE: 20,
		Message:        "xml.sax imported: its parsers are unsafe on untrusted XML",
		Recommendation: "Use defusedxml.sax for untrusted XML.",
		Help:           "The standard library's XML parsers expand entities; crafted documents can exhaust memory and CPU.",
		Flagged: []string{
			"import xml.sax\n",
			"from xml import sax\n",
		},
		Clean: []string{
			"import defusedxml.sax\n",
		},
	}, []string{"xml.sax"}))
}
