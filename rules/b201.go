package rules

import (
	"strings"

	"github.com/pyward/pyward/python/ast"
)

func init() {
	Register(&Rule{
		ID: "B201", Name: "flask_debug_true", Severity: High, Confidence: Medium, CWE: 94,
		Message:        "Flask app run with debug=True: the debugger lets anyone who reaches it run code",
		Recommendation: "Never enable the debugger outside local development; read debug from the environment and default it to off.",
		Help:           "The Werkzeug debugger that `debug=True` turns on offers an interactive Python console on errors. Reachable by others, it is remote code execution.",
		Flagged:        []string{"from flask import Flask\napp = Flask(__name__)\napp.run(debug=True)\n"},
		Clean:          []string{"from flask import Flask\napp = Flask(__name__)\napp.run(debug=False)\n", "run(debug=True)\n"},
		Kinds:          []Kind{KindCall},
		CallKeywords:   []string{"debug"},
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			if !strings.HasSuffix(c.CallName(call), ".run") || !c.importContains("flask") {
				return
			}
			if kw := KeywordNode(call, "debug"); kw != nil && isConst(kw.Value, ast.ConstTrue) {
				c.ReportWith(kw, c.rule.Severity, c.rule.Confidence, c.rule.Message)
			}
		},
	})
}
