package rules

func init() {
	Register(callRule(&Rule{
		ID: "B312", Name: "telnetlib", Severity: High, CWE: 319,
		Message:        "Telnet sends everything, passwords included, in clear text",
		Recommendation: "Use SSH (for example paramiko or asyncssh).",
		Help:           "Telnet has no encryption: anyone on the path reads the session, credentials included.",
		Flagged: []string{
			"import telnetlib\ntelnetlib.Telnet(host)\n",
		},
		Clean: []string{
			"import paramiko\nparamiko.SSHClient()\n",
		},
	}, expand("telnetlib.Telnet")))
}
