package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "B701", Name: "jinja2_autoescape_false", Severity: High, Confidence: High, CWE: 94,
		Message:        "Jinja2 environment without HTML autoescaping",
		Recommendation: "Pass autoescape=select_autoescape() (or True) to Environment.",
		Help: "Jinja2 does not escape by default, so values rendered into HTML templates carry their markup: cross-site scripting. " +
			"Confidence is MEDIUM when autoescape is set to something other than a literal.",
		Flagged:  []string{"import jinja2\njinja2.Environment(loader=l)\n", "from jinja2 import Environment\nEnvironment(autoescape=False)\n"},
		Clean:    []string{"from jinja2 import Environment, select_autoescape\nEnvironment(autoescape=select_autoescape())\n", "import jinja2\njinja2.Environment(autoescape=True)\n"},
		Kinds:    []Kind{KindCall},
		CallLast: []string{"Environment"},
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			if q := c.CallName(call); !hasPart(q, "jinja2") || lastPart(q) != "Environment" {
				return
			}
			kw := KeywordNode(call, "autoescape")
			switch {
			case kw == nil || isConst(kw.Value, ast.ConstFalse):
				c.Report(call)
			case isConst(kw.Value, ast.ConstTrue):
			default:
				if inner, ok := kw.Value.(*ast.Call); ok && lastPart(c.QualName(inner.Func)) == "select_autoescape" {
					return
				}
				c.ReportWith(call, High, Medium, c.rule.Message)
			}
		},
	})
}
