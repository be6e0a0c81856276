package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "B704", Name: "markupsafe_markup_xss", Severity: Medium, Confidence: High, CWE: 79,
		Message:        "Markup() of a non-constant value marks it safe without escaping it",
		Recommendation: "Escape values with markupsafe.escape, or build markup with Markup('<b>{}</b>').format(value), which escapes the value.",
		Help:           "`Markup(s)` declares `s` already safe HTML. When `s` carries input, the input's HTML reaches the page: cross-site scripting.",
		Flagged:        []string{"from markupsafe import Markup\nMarkup(user_html)\n", "import flask\nflask.Markup(f'<b>{name}</b>')\n"},
		Clean:          []string{"from markupsafe import Markup\nMarkup('<b>static</b>')\n", "from markupsafe import Markup, escape\nMarkup('<b>{}</b>').format(name)\n"},
		Options: []Option{
			{Name: "extend_markup_names", Help: "more names that build markup, such as webhelpers.html.literal"},
			{Name: "allowed_calls", Help: "functions whose result may be wrapped, such as bleach.clean"},
		},
		Kinds: []Kind{KindCall},
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			q := c.CallName(call)
			if q != "markupsafe.Markup" && q != "flask.Markup" && !inList(q, c.List("extend_markup_names")) {
				return
			}
			if len(call.Args) == 0 {
				return
			}
			if _, isConst := call.Args[0].(*ast.Constant); isConst {
				return
			}
			if inner, ok := call.Args[0].(*ast.Call); ok && inList(c.CallName(inner), c.List("allowed_calls")) {
				return
			}
			c.Report(call)
		},
	})
}
