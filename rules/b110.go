package rules

import "github.com/pyward/pyward/python/ast"

// swallows reports whether an except handler only passes or continues
// (body, a *ast.Pass or *ast.Continue), for a bare except or `except
// Exception` unless every exception type is to be checked.
func swallows(c *Context, h *ast.ExceptHandler, body func(ast.Stmt) bool) bool {
	if len(h.Body) != 1 || !body(h.Body[0]) {
		return false
	}
	if h.Type == nil || c.Bool("check_typed_exception") {
		return true
	}
	n, ok := h.Type.(*ast.Name)
	return ok && n.ID == "Exception"
}

var typedExceptionOption = []Option{{Name: "check_typed_exception", Bool: true,
	Help: "also flag handlers for specific exception types, such as `except KeyError: pass`"}}

func init() {
	Register(&Rule{
		ID: "B110", Name: "try_except_pass", Severity: Low, Confidence: High, CWE: 703,
		Message:        "exception swallowed by except: pass",
		Recommendation: "Catch the specific exception you expect and log or handle it; let the others propagate.",
		Help:           "A bare `except:` or `except Exception:` followed by `pass` hides every error, including the ones that signal an attack or a failed security check.",
		Flagged:        []string{"try:\n    check()\nexcept:\n    pass\n", "try:\n    check()\nexcept Exception:\n    pass\n"},
		Clean:          []string{"try:\n    check()\nexcept KeyError:\n    pass\n", "try:\n    check()\nexcept Exception:\n    log.exception('check failed')\n"},
		Options:        typedExceptionOption,
		Kinds:          []Kind{KindExceptHandler},
		Check: func(c *Context, n ast.Node) {
			h := n.(*ast.ExceptHandler)
			if swallows(c, h, func(s ast.Stmt) bool { _, ok := s.(*ast.Pass); return ok }) {
				c.Report(h)
			}
		},
	})
}
