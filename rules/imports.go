package rules

import "github.com/pyward/pyward/python/ast"

// importedNames lists what an import statement brings in, as Bandit tests
// it: `import X` gives X, `from M import N` gives M.N (relative dots
// dropped), `from . import N` gives N.
func importedNames(n ast.Node) []string {
	var out []string
	switch s := n.(type) {
	case *ast.Import:
		for _, a := range s.Names {
			out = append(out, a.Name)
		}
	case *ast.ImportFrom:
		for _, a := range s.Names {
			if s.Module == nil {
				out = append(out, a.Name)
			} else {
				out = append(out, *s.Module+"."+a.Name)
			}
		}
	}
	return out
}

// importNames is importedNames of the statement the tree walk is at,
// listed once for all the import rules. The slice is shared: read only.
func (c *Context) importNames(n ast.Node) []string {
	if c.impNode != n {
		c.impNode, c.impNames = n, importedNames(n)
	}
	return c.impNames
}

// dynamicImport is the module a call imports by name: the string literal
// given to __import__, or the literal or name given to
// importlib.import_module; "" for any other call.
func (c *Context) dynamicImport(call *ast.Call) string {
	q := c.CallName(call)
	var arg ast.Expr
	switch {
	case inList(q, dynamicImporters):
		if len(call.Args) > 0 {
			arg = call.Args[0]
		} else {
			arg = Keyword(call, "name")
		}
	default:
		return ""
	}
	if s, ok := StrConst(arg); ok {
		return s
	}
	return ""
}

// dynamicImporters are the calls that import a module named by a string.
var dynamicImporters = []string{"__import__", "importlib.import_module", "importlib.__import__"}

// importRule builds a rule that flags imports of the given modules or of
// anything inside them, in import statements and in __import__ and
// import_module calls with a literal name. Unlike Bandit's plain prefix
// test, a module boundary is required: `import pickletools` is not pickle.
func importRule(r *Rule, prefixes []string) *Rule {
	r.Kinds = []Kind{KindImport, KindImportFrom, KindCall}
	// The calls it looks at are the importers and the listed names
	// themselves: indexed by name, the rule (there are 18 of them) is
	// not run on every call of the file.
	r.Calls = append(append([]string(nil), dynamicImporters...), prefixes...)
	r.Check = func(c *Context, n ast.Node) {
		if call, ok := n.(*ast.Call); ok {
			// __import__("pickle") imports by name; and a call of the
			// listed name itself (wsgiref.handlers.CGIHandler()) uses it.
			if m := c.dynamicImport(call); m != "" && inModules(m, prefixes) || inList(c.CallName(call), prefixes) {
				c.Report(call)
			}
			return
		}
		for _, name := range c.importNames(n) {
			if inModules(name, prefixes) {
				c.Report(n.(ast.Located))
				return // one finding per statement
			}
		}
	}
	return r
}

// inModules reports whether the dotted name is one of the modules or lies
// inside one.
func inModules(name string, modules []string) bool {
	for _, m := range modules {
		if name == m || len(name) > len(m) && name[:len(m)] == m && name[len(m)] == '.' {
			return true
		}
	}
	return false
}
