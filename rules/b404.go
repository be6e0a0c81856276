package rules

func init() {
	Register(importRule(&Rule{
		ID: "B404", Name: "import_subprocess",
		Severity: Low, Confidence: High, CWE: 78,
		Message:        "subprocess imported: review how processes are started",
		Recommendation: "Check every use of subprocess: a list of arguments, no shell, full program paths, validated inputs.",
		Help:           "The `subprocess` module starts other programs. Importing it is a pointer to code that deserves review.",
		Flagged: []string{
			"import subprocess\n",
			"from subprocess import Popen\n",
			"import importlib\nimportlib.import_module('subprocess')\n",
		},
		Clean: []string{
			"import os\n",
			"import subprocess_tee_helpers_unrelated as s\n" + "x = 1\n",
		},
	}, []string{"subprocess"}))
}
