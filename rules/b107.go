package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "B107", Name: "hardcoded_password_default", Severity: Low, Confidence: Medium, CWE: 259,
		Message:        "possible hard-coded password as a parameter default",
		Recommendation: "Give password parameters no default, or None, and read the secret at run time.",
		Help:           "A parameter named like a password with a string default puts the secret in the source and uses it silently when callers pass nothing.",
		BanditDiff:     "Keyword-only parameters (`def login(*, password='admin')`) are checked too, and defaults are matched to the right parameters when there are positional-only ones; Bandit looks only at regular positional parameters and misaligns defaults after `/`.",
		Flagged:        []string{"def login(user, password='admin'):\n    pass\n"},
		Clean:          []string{"def login(user, password=None):\n    pass\n", "def login(user, passwords='x'):\n    pass\n"},
		Kinds:          []Kind{KindFunctionDef},
		Check: func(c *Context, n ast.Node) {
			fn := n.(*ast.FunctionDef)
			a := fn.Args
			params := append(append([]*ast.Arg{}, a.Posonlyargs...), a.Args...)
			// Defaults belong to the last len(Defaults) positional parameters.
			off := len(params) - len(a.Defaults)
			for i, d := range a.Defaults {
				if _, ok := StrConst(d); ok && passwordName.MatchString(params[off+i].Arg) {
					c.Report(fn)
					return
				}
			}
			for i, d := range a.KwDefaults {
				if _, ok := StrConst(d); d != nil && ok && passwordName.MatchString(a.Kwonlyargs[i].Arg) {
					c.Report(fn)
					return
				}
			}
		},
	})
}
