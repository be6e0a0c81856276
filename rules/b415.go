package rules

func init() {
	Register(importRule(&Rule{
		ID: "B415", Name: "import_pyghmi", Severity: High, Confidence: High, CWE: 319,
		Message:        "pyghmi imported: IPMI is an insecure protocol",
		Recommendation: "Keep IPMI on an isolated management network; prefer Redfish over HTTPS.",
		Help:           "IPMI has weak authentication and clear-text options; libraries that speak it point at management interfaces that need isolation.",
		Flagged: []string{
			"import pyghmi.ipmi.command\n",
		},
		Clean: []string{
			"import redfish\n",
		},
	}, []string{"pyghmi"}))
}
