package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "PW401", Name: "user_input_to_code", Severity: High, Confidence: High, CWE: 95,
		Message:        "user input reaches eval, exec or compile",
		Recommendation: "Never evaluate input as code; parse it (ast.literal_eval for literals, json for data) or dispatch on it.",
		Help:           "Input (input(), sys.argv, stdin, the environment, web request data and route parameters, socket reads) that reaches eval, exec or compile through assignments, f-strings, concatenation or formatting in the same function runs the input as Python.",
		Flagged:        []string{"x = input()\neval(x)\n", "import sys\ncode = \"print(\" + sys.argv[1] + \")\"\nexec(code)\n"},
		Clean:          []string{"import ast\nx = ast.literal_eval(input())\n", "x = int(input())\neval(\"1+1\")\n"},
		Kinds:          []Kind{KindEnd},
		Check:          func(c *Context, _ ast.Node) { c.reportFlow() },
	})
}
