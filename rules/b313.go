package rules

func init() {
	Register(callRule(&Rule{
		ID: "B313", Name: "xml_bad_cElementTree", Severity: Medium, CWE: 20,
		Message:        "XML parsed with xml.etree.cElementTree: untrusted XML can exhaust memory",
		Recommendation: "Parse untrusted XML with defusedxml (defusedxml.ElementTree).",
		Help:           "The standard library's XML parsers expand entities, so crafted documents (billion laughs, quadratic blowup) can exhaust memory and CPU.",
		Flagged: []string{
			"import xml.etree.cElementTree as ET\nET.fromstring(data)\n",
		},
		Clean: []string{
			"import defusedxml.ElementTree as ET\nET.fromstring(data)\n",
		},
	}, expand("xml.etree.cElementTree.{parse,iterparse,fromstring,XMLParser}")))
}
