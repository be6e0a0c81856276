package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "B101", Name: "assert_used", Severity: Low, Confidence: High, CWE: 703,
		Message:        "assert is removed when Python runs with -O: it cannot enforce a check",
		Recommendation: "Raise an exception for conditions that must hold in production: if not ok: raise PermissionError(...).",
		Help: "`python -O` and `PYTHONOPTIMIZE` strip every `assert`. A security check written as an assert silently disappears in optimised deployments. " +
			"Asserts in tests are expected: the default configuration trusts B101 in test files.",
		Flagged: []string{"def delete(user):\n    assert user.is_admin\n"},
		Clean:   []string{"def delete(user):\n    if not user.is_admin:\n        raise PermissionError(user)\n"},
		Options: []Option{{Name: "skips", Help: "file path patterns (`*` matches any characters, `/` included, as in Bandit) where asserts are allowed"}},
		Kinds:   []Kind{KindAssert},
		Check: func(c *Context, n ast.Node) {
			for _, pattern := range c.List("skips") {
				if fnmatch(pattern, c.File.Name) {
					return
				}
			}
			c.Report(n.(*ast.Assert))
		},
	})
}
