package rules

func init() {
	Register(callRule(&Rule{
		ID: "B323", Name: "unverified_context", Severity: Medium, CWE: 295,
		Message:        "TLS context that does not verify certificates",
		Recommendation: "Use ssl.create_default_context(), which checks the certificate and the host name.",
		Help:           "A context without certificate verification accepts any server, so a man in the middle can read and change the traffic.",
		Flagged: []string{
			"import ssl\nssl._create_unverified_context()\n",
		},
		Clean: []string{
			"import ssl\nssl.create_default_context()\n",
		},
	}, expand("ssl._create_unverified_context")))
}
