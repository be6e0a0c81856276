package rules

import (
	"strings"

	"github.com/pyward/pyward/python/ast"
)

// A program that restarts itself, the same interpreter on the same
// command line (`[sys.executable, "-u"] + sys.argv`, as a reloader or a
// re-exec with other interpreter flags does), gains nothing from its
// command line that its invoker did not already have: PW402 does not
// report the command line reaching such a command. Any other program
// given the command line still counts (`["tar", "xf", sys.argv[1]]`: its
// options can run commands, and a script run through sudo crosses a
// boundary). The tables are the calls whose argument is the whole
// argument list, and those that take the program, then the list.
var (
	argvCommands = map[string]int{"subprocess.run": 0, "subprocess.call": 0, "subprocess.check_call": 0,
		"subprocess.check_output": 0, "subprocess.Popen": 0}
	execCommands = map[string]int{"os.execv": 1, "os.execve": 1, "os.execvp": 1, "os.execvpe": 1}
	// Interpreter flags after which the next argument is code or a module
	// to run: a restart has none of them.
	codeFlags = map[string]bool{"-c": true, "-m": true, "-X": true}
)

// restartsItself reports whether call runs sys.executable on this
// program's own command line (sys.argv whole), with literal interpreter
// flags only, as a list and without a shell.
func (c *Context) restartsItself(call *ast.Call) bool {
	q := c.CallName(call)
	if sh := Keyword(call, "shell"); sh != nil {
		if k, ok := sh.(*ast.Constant); !ok || k.Kind != ast.ConstFalse && k.Kind != ast.ConstNone {
			return false
		}
	}
	if i, ok := argvCommands[q]; ok {
		arg := Keyword(call, "args")
		if i < len(call.Args) {
			arg = call.Args[i]
		}
		return arg != nil && c.selfArgv(arg, call, 0)
	}
	if i, ok := execCommands[q]; ok && i < len(call.Args) {
		return c.QualName(call.Args[0]) == "sys.executable" && c.selfArgv(call.Args[i], call, 0)
	}
	return false
}

// selfArgv reports whether e is [sys.executable, flags...] + sys.argv,
// directly or as the value(s) its scope gives a name.
func (c *Context) selfArgv(e ast.Expr, at ast.Node, depth int) bool {
	switch n := e.(type) {
	case *ast.BinOp:
		if n.Op != ast.Add || c.QualName(n.Right) != "sys.argv" {
			return false
		}
		elts := literalElts(n.Left)
		if len(elts) == 0 || c.QualName(elts[0]) != "sys.executable" {
			return false
		}
		// Literal flags, each perhaps with a literal value (-W error).
		valueOK := false
		for _, x := range elts[1:] {
			s, ok := StrConst(x)
			switch {
			case !ok || codeFlags[s]:
				return false
			case strings.HasPrefix(s, "-"):
				valueOK = true
			case valueOK:
				valueOK = false
			default:
				return false // a script or module of its own: another program
			}
		}
		return true
	case *ast.Name:
		if depth > 0 {
			return false
		}
		values, ok := bindingsIn(scopeOf(c.File.Module, at), n.ID)
		if !ok || len(values) == 0 {
			return false
		}
		for _, v := range values {
			if !c.selfArgv(v, at, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

// scopeOf is the body of the innermost function around n, else the
// module's.
func scopeOf(mod *ast.Module, n ast.Node) []ast.Stmt {
	body := mod.Body
	l, ok := n.(ast.Located)
	if !ok {
		return body
	}
	ast.Inspect(mod, func(x ast.Node) bool {
		f, ok := x.(ast.Located)
		if !ok {
			return true
		}
		if f.End() < l.Pos() || f.Pos() > l.End() {
			return false // elsewhere
		}
		if f.Pos() <= l.Pos() && l.End() <= f.End() {
			// Around n: pre-order, so the innermost function is the last.
			switch d := x.(type) {
			case *ast.FunctionDef:
				body = d.Body
			case *ast.AsyncFunctionDef:
				body = d.Body
			}
		}
		return true
	})
	return body
}

// bindingsIn lists the values plain assignments in body give name (not
// looking into nested functions); ok is false when anything else binds
// or reorders it (a loop, a with, an import, a parameter-like binding,
// insert, sort, reverse or an item assignment), which could change its
// first element.
func bindingsIn(body []ast.Stmt, name string) (values []ast.Expr, ok bool) {
	ok = true
	for _, st := range body {
		ast.Inspect(st, func(x ast.Node) bool {
			switch n := x.(type) {
			case *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.Lambda, *ast.ClassDef:
				return false
			case *ast.Assign:
				for _, t := range n.Targets {
					if nm, isName := t.(*ast.Name); isName && nm.ID == name {
						values = append(values, n.Value)
					} else if assignsTo(t, name) {
						ok = false
					}
				}
				ast.Inspect(n.Value, func(y ast.Node) bool { ok = ok && !rebinds(y, name); return ok })
				return false
			case *ast.AugAssign:
				if nm, isName := n.Target.(*ast.Name); isName && nm.ID == name && n.Op != ast.Add {
					ok = false
				}
				if s, isSub := n.Target.(*ast.Subscript); isSub && isNamed(s.Value, name) {
					ok = false
				}
			case *ast.Call:
				if a, isAttr := n.Func.(*ast.Attribute); isAttr && isNamed(a.Value, name) && (a.Attr == "insert" || a.Attr == "sort" || a.Attr == "reverse") {
					ok = false
				}
			default:
				if rebinds(x, name) {
					ok = false
				}
			}
			return ok
		})
	}
	return values, ok
}

// assignsTo reports whether an assignment target stores into name
// other than as a plain name (a tuple target, an item of it).
func assignsTo(t ast.Expr, name string) bool {
	found := false
	ast.Inspect(t, func(x ast.Node) bool {
		if nm, ok := x.(*ast.Name); ok && nm.ID == name {
			found = true
		}
		if s, ok := x.(*ast.Subscript); ok && isNamed(s.Value, name) {
			found = true
		}
		return !found
	})
	return found
}

// rebinds reports whether x binds name other than by a plain assignment:
// a loop or comprehension target, with ... as, a walrus, del, import.
func rebinds(x ast.Node, name string) bool {
	switch n := x.(type) {
	case *ast.Name:
		return n.ID == name && n.Ctx != ast.Load
	case *ast.Alias:
		bound := n.Name
		if n.Asname != nil {
			bound = *n.Asname
		}
		return bound == name
	}
	return false
}

func isNamed(e ast.Expr, name string) bool {
	n, ok := e.(*ast.Name)
	return ok && n.ID == name
}
