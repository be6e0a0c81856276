package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "PW402", Name: "user_input_to_command", Severity: High, Confidence: High, CWE: 78,
		Message:        "user input reaches a command that is run",
		Recommendation: "Pass arguments as a list without a shell and validate them; quote with shlex.quote if a shell is unavoidable.",
		Help:           "Input that reaches os.system, os.popen, subprocess or os.exec*/spawn* in the same function chooses what runs.",
		Flagged:        []string{"import os\nname = input()\nos.system(\"ls \" + name)\n", "import subprocess, sys\nsubprocess.run(f\"grep {sys.argv[1]} log\", shell=True)\n"},
		Clean:          []string{"import os, shlex\nos.system(\"ls \" + shlex.quote(input()))\n"},
		Kinds:          []Kind{KindEnd},
		Check:          func(c *Context, _ ast.Node) { c.reportFlow() },
	})
}
