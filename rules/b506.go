package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "B506", Name: "yaml_load", Severity: Medium, Confidence: High, CWE: 20,
		Message:        "yaml.load without a safe loader can build arbitrary Python objects",
		Recommendation: "Use yaml.safe_load, or pass Loader=yaml.SafeLoader.",
		Help:           "PyYAML's unsafe loaders construct Python objects named in the document, which runs code. ",
		BanditDiff:     "The call is recognised however yaml was imported (`from yaml import load; load(data)`); Bandit checks only after `import yaml` and misses the other forms.",
		Flagged:        []string{"import yaml\nyaml.load(data)\n", "from yaml import load, Loader\nload(data, Loader=Loader)\n"},
		Clean:          []string{"import yaml\nyaml.safe_load(data)\n", "import yaml\nyaml.load(data, Loader=yaml.SafeLoader)\n", "import yaml\nyaml.load(data, yaml.CSafeLoader)\n"},
		Kinds:          []Kind{KindCall},
		CallLast:       []string{"load"},
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			q := c.CallName(call)
			if !hasPart(q, "yaml") || lastPart(q) != "load" {
				return
			}
			safe := []string{"SafeLoader", "CSafeLoader"}
			if l := Keyword(call, "Loader"); l != nil && nameIs(l, safe...) {
				return
			}
			if len(call.Args) > 1 && nameIs(call.Args[1], safe...) {
				return
			}
			c.Report(call)
		},
	})
}
