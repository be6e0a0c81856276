package rules

import (
	"strings"

	"github.com/pyward/pyward/flow"
	"github.com/pyward/pyward/python/ast"
	"github.com/pyward/pyward/python/parser"
)

// A scan's other files, for the data-flow analysis (flow.Program): the
// rules' side is the names. Rules see relative imports as Bandit does
// (dots dropped, see recordImport); the analysis of a file that is part
// of a program sees them as the absolute names the importing file's path
// gives them, so that `from .helpers import get_param` in app/views.py
// is app.helpers.get_param, the module of app/helpers.py. This is the
// one place relative imports are resolved.

// RunWith is Run with the file part of a program (nil: on its own).
func (s *Set) RunWith(f *parser.File, options map[string]map[string]any, p *flow.Program) []Finding {
	return s.run(f, options, p)
}

// FlowModule prepares a parsed file of a program for the analysis of
// the calls other files make into it: its imports recorded as the tree
// walk would record them, its offsets placed by its own line table.
func (s *Set) FlowModule(f *parser.File) *flow.Module {
	c := &Context{File: f, aliases: map[string]string{}, model: s.model}
	ast.Inspect(f.Module, func(n ast.Node) bool {
		switch st := n.(type) {
		case *ast.Import, *ast.ImportFrom:
			c.recordImport(n)
		case *ast.Assign:
			c.noteAssign(st)
		case *ast.Call:
			c.callNodes = append(c.callNodes, st)
		}
		return true
	})
	c.walked = true
	return &flow.Module{Mod: f.Module, Host: &flowHost{c: c}, Pos: f.Tok.CharColumn}
}

// noteRelative records the absolute name a relative import binds, from
// the importing file's path (its folder is its package), when the file
// is part of a program; any other import of the same name forgets it.
func (c *Context) noteRelative(s ast.Node) {
	if c.program == nil {
		return
	}
	var names []*ast.Alias
	var imp *ast.ImportFrom
	switch st := s.(type) {
	case *ast.Import:
		names = st.Names
	case *ast.ImportFrom:
		names, imp = st.Names, st
	}
	if imp == nil || imp.Level == 0 {
		for _, a := range names {
			delete(c.relative, localName(a))
		}
		return
	}
	pkg, ok := packageOf(c.File.Name, imp.Level)
	if !ok {
		return
	}
	if imp.Module != nil {
		pkg = joinName(pkg, *imp.Module)
	}
	if c.relative == nil {
		c.relative = map[string]string{}
	}
	for _, a := range names {
		c.relative[localName(a)] = joinName(pkg, a.Name)
	}
}

func joinName(pkg, name string) string {
	if pkg == "" {
		return name
	}
	return pkg + "." + name
}

// localName is the name an import binds in the importing module (its
// first part for `import a.b`).
func localName(a *ast.Alias) string {
	if a.Asname != nil {
		return *a.Asname
	}
	n, _, _ := strings.Cut(a.Name, ".")
	return n
}

// packageOf is the dotted package a relative import of the given level
// starts from in the file at path: its folder, then level-1 folders up
// ("" for the scan's top folder). Not ok when that is above the top.
func packageOf(path string, level int) (string, bool) {
	dir := strings.Split(path, "/")
	dir = dir[:len(dir)-1]
	var parts []string
	for _, d := range dir {
		if d != "" && d != "." {
			parts = append(parts, d)
		}
	}
	if level-1 > len(parts) {
		return "", false
	}
	return strings.Join(parts[:len(parts)-(level-1)], "."), true
}

// absName is QualName with relative imports absolute (see noteRelative).
func (c *Context) absName(e ast.Expr) string {
	q := c.QualName(e)
	if len(c.relative) == 0 || q == "" {
		return q
	}
	base := e
	for {
		at, ok := base.(*ast.Attribute)
		if !ok {
			break
		}
		base = at.Value
	}
	n, ok := base.(*ast.Name)
	if !ok {
		return q
	}
	abs, ok := c.relative[n.ID]
	if !ok {
		return q
	}
	prefix := n.ID
	if a, ok := c.aliases[n.ID]; ok {
		prefix = a
	}
	if !strings.HasPrefix(q, prefix) {
		return q
	}
	return abs + q[len(prefix):]
}

// viaMessage is a rule's message for a sink reached in another file.
func viaMessage(msg string, v *flow.Via) string {
	if w := v.Where(); w != "" {
		return msg + " (" + w + ")"
	}
	return msg
}
