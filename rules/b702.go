package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "B702", Name: "use_of_mako_templates", Severity: Medium, Confidence: High, CWE: 80,
		Message:        "Mako templates do not escape HTML by default",
		Recommendation: "Pass default_filters=['h'] (HTML escaping) to Template and TemplateLookup, or use a template engine that escapes by default.",
		Help:           "Mako renders expressions as they are, so a value carrying `<script>` reaches the page intact: cross-site scripting.",
		Flagged:        []string{"from mako.template import Template\nTemplate(text)\n", "import mako\nmako.template.Template(text)\n"},
		Clean:          []string{"from jinja2 import Template\nTemplate(text)\n", "Template(text)\n"},
		Kinds:          []Kind{KindCall},
		CallLast:       []string{"Template"},
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			if q := c.CallName(call); hasPart(q, "mako") && lastPart(q) == "Template" {
				c.Report(call)
			}
		},
	})
}
