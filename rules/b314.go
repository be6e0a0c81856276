package rules

func init() {
	Register(callRule(&Rule{
		ID: "B314", Name: "xml_bad_ElementTree", Severity: Medium, CWE: 20,
		Message:        "XML parsed with xml.etree.ElementTree: untrusted XML can exhaust memory",
		Recommendation: "Parse untrusted XML with defusedxml (defusedxml.ElementTree).",
		Help:           "The standard library's XML parsers expand entities, so crafted documents (billion laughs, quadratic blowup) can exhaust memory and CPU.",
		Flagged: []string{
			"import xml.etree.ElementTree as ET\nET.parse(path)\n",
			"from xml.etree.ElementTree import fromstring\nfromstring(data)\n",
		},
		Clean: []string{
			"import defusedxml.ElementTree as ET\nET.parse(path)\n",
			"import xml.etree.ElementTree as ET\nET.Element('a')\n",
		},
	}, expand("xml.etree.ElementTree.{parse,iterparse,fromstring,XMLParser}")))
}
