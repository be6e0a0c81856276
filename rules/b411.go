package rules

func init() {
	Register(importRule(&Rule{
		ID: "B411", Name: "import_xmlrpclib", Severity: High, Confidence: High, CWE: 20,
		Message:        "xmlrpc imported: its XML parsing is unsafe on untrusted data",
		Recommendation: "Use defusedxml.xmlrpc.monkey_patch(), or another protocol.",
		Help:           "XML-RPC parses XML from the other end of the connection with the standard library's entity-expanding parsers.",
		Flagged: []string{
			"import xmlrpc.client\n",
			"import xmlrpclib\n",
		},
		Clean: []string{
			"import SimpleXMLRPCServer\n",
			"import json\n",
		},
	}, []string{"xmlrpc", "xmlrpclib"}))
}
