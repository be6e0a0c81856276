package rules

func init() {
	Register(importRule(&Rule{
		ID: "B401", Name: "import_telnetlib", Severity: High, Confidence: High, CWE: 319,
		Message:        "telnetlib imported: Telnet sends passwords in clear text",
		Recommendation: "Use SSH (paramiko, asyncssh) instead of Telnet.",
		Help:           "Importing `telnetlib` points at clear-text remote sessions.",
		Flagged: []string{
			"import telnetlib\n",
		},
		Clean: []string{
			"import paramiko\n",
		},
	}, []string{"telnetlib"}))
}
