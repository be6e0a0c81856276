package rules

func init() {
	Register(callRule(&Rule{
		ID: "B306", Name: "mktemp_q", Severity: Medium, CWE: 377,
		Message:        "tempfile.mktemp returns a name another process can take before the file is created",
		Recommendation: "Use tempfile.mkstemp or tempfile.NamedTemporaryFile, which create the file atomically.",
		Help:           "`mktemp` only returns a name. Between choosing the name and creating the file, another process can create it, or a symlink in its place.",
		Flagged: []string{
			"import tempfile\ntempfile.mktemp()\n",
		},
		Clean: []string{
			"import tempfile\ntempfile.mkstemp()\n",
		},
	}, expand("tempfile.mktemp")))
}
