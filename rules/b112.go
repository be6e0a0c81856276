package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "B112", Name: "try_except_continue", Severity: Low, Confidence: High, CWE: 703,
		Message:        "exception swallowed by except: continue",
		Recommendation: "Catch the specific exception you expect and log it before moving on.",
		Help:           "A bare `except:` or `except Exception:` followed by `continue` silently skips every failure inside a loop.",
		Flagged:        []string{"for x in xs:\n    try:\n        f(x)\n    except:\n        continue\n"},
		Clean:          []string{"for x in xs:\n    try:\n        f(x)\n    except ValueError:\n        continue\n"},
		Options:        typedExceptionOption,
		Kinds:          []Kind{KindExceptHandler},
		Check: func(c *Context, n ast.Node) {
			h := n.(*ast.ExceptHandler)
			if swallows(c, h, func(s ast.Stmt) bool { _, ok := s.(*ast.Continue); return ok }) {
				c.Report(h)
			}
		},
	})
}
