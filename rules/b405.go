package rules

func init() {
	Register(importRule(&Rule{
		ID: "B405", Name: "import_xml_etree", Severity: Low, Confidence: High, CWE: 20,
		Message:        "xml.etree imported: its parsers are unsafe on untrusted XML",
		Recommendation: "Parse untrusted XML with defusedxml; or make sure only trusted XML reaches this module.",
		Help:           "The standard library's XML parsers expand entities; crafted documents can exhaust memory and CPU.",
		Flagged: []string{
			"import xml.etree.ElementTree as ET\n",
			"from xml.etree import cElementTree\n",
		},
		Clean: []string{
			"import xml\n",
			"from xml import etree\n",
			"import defusedxml.ElementTree\n",
		},
	}, []string{"xml.etree.cElementTree", "xml.etree.ElementTree"}))
}
