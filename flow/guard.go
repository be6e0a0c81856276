package flow

import (
	"strings"

	"github.com/pyward/pyward/python/ast"
)

// Branches: an if-test is a guard when its truth (or its falsehood)
// proves a variable safe; a branch that cannot fall through (return,
// raise, abort(400)) does not reach the code after the if; a test whose
// value is known (n = 86; if 7 * 42 - n > 200:) runs one branch only.

// validated maps variable names to the families a test proves them safe
// for (allFamilies: for everything).
type validated map[string]Families

const allFamilies = ^Families(0)

func (v validated) add(name string, f Families) {
	if name != "" {
		v[name] |= f
	}
}

// guards returns what the test proves when true and when false.
func (a *analyzer) guards(test ast.Expr) (whenTrue, whenFalse validated) {
	whenTrue, whenFalse = validated{}, validated{}
	a.guard(test, whenTrue, whenFalse, 0)
	return
}

func (a *analyzer) guard(test ast.Expr, t, f validated, depth int) {
	if depth > 16 {
		return
	}
	switch n := test.(type) {
	case *ast.BoolOp:
		if n.Op == ast.And {
			// All true: each part's proof holds. (Some false proves
			// nothing.)
			for _, v := range n.Values {
				a.guard(v, t, validated{}, depth+1)
			}
		} else {
			for _, v := range n.Values {
				a.guard(v, validated{}, f, depth+1)
			}
		}
	case *ast.UnaryOp:
		if n.Op == ast.Not {
			a.guard(n.Operand, f, t, depth+1)
		}
	case *ast.Compare:
		if len(n.Ops) != 1 {
			return
		}
		left, right := n.Left, n.Comparators[0]
		switch n.Ops[0] {
		case ast.Eq, ast.Is:
			if isLiteral(right) {
				t.add(varName(left), allFamilies)
			} else if isLiteral(left) {
				t.add(varName(right), allFamilies)
			}
		case ast.NotEq, ast.IsNot:
			if isLiteral(right) && !isNone(right) {
				f.add(varName(left), allFamilies)
			}
		case ast.In, ast.NotIn:
			yes, no := t, f
			if n.Ops[0] == ast.NotIn {
				yes, no = f, t
			}
			if s, ok := a.h.Fold(left); ok {
				// "../" in name: when false, no traversal in name.
				if fams := metaFamilies(s); fams != 0 {
					no.add(varName(right), fams)
				}
				return
			}
			if allowList(right) {
				yes.add(varName(left), allFamilies)
			}
		}
	case *ast.Call:
		a.guardCall(n, t, f)
	}
}

// guardCall: a validator called on the variable.
func (a *analyzer) guardCall(call *ast.Call, t, f validated) {
	q := a.h.QualName(call.Func)
	method := ""
	if at, ok := call.Func.(*ast.Attribute); ok {
		if rq := a.h.QualName(at.Value); rq == "" || !a.h.IsModule(rq) {
			method = at.Attr
		}
	}
	if g, ok := a.m.guards.lookup(q, method); ok {
		var subject ast.Expr
		switch {
		case g.arg < 0:
			if at, ok := call.Func.(*ast.Attribute); ok {
				subject = at.Value
			}
		case g.arg < len(call.Args):
			subject = call.Args[g.arg]
		}
		if subject == nil {
			return
		}
		// re.match and re.search prove the whole value only with a
		// pattern anchored at its end.
		if (q == "re.match" || q == "re.search") && len(call.Args) > 0 {
			p, ok := a.h.Fold(call.Args[0])
			if !ok || !(strings.HasSuffix(p, "$") || strings.HasSuffix(p, `\Z`)) {
				return
			}
			if q == "re.search" && !strings.HasPrefix(p, "^") {
				return
			}
		}
		t.add(varName(subject), g.fams)
		return
	}
	// A function of the program (or of a library the model does not
	// know) asked about the variable: `if _find_unsafe(name): return`,
	// `if not is_allowed(url): abort(403)`. Which answer is the safe one
	// is unknown, so the variable counts as checked on both sides.
	if _, isName := call.Func.(*ast.Name); !isName || a.modelled(q) {
		return
	}
	for _, x := range call.Args {
		if name := varName(x); name != "" {
			t.add(name, allFamilies)
			f.add(name, allFamilies)
		}
	}
}

// modelled reports whether a function is in the model (a source, a
// sanitizer, a propagator or a sink): its meaning is known, it is not an
// ad-hoc validator.
func (a *analyzer) modelled(q string) bool {
	if _, ok := a.m.callSources.lookup(q, ""); ok {
		return true
	}
	if _, ok := a.m.sanitizers.lookup(q, ""); ok {
		return true
	}
	if _, ok := a.m.props.lookup(q, ""); ok {
		return true
	}
	_, ok := a.m.sinks.lookup(q, "")
	return ok || builtinPredicates[q]
}

// builtinPredicates are builtins a test calls that check a value's
// shape, not its content.
var builtinPredicates = map[string]bool{"callable": true, "hasattr": true, "issubclass": true, "any": true,
	"all": true, "print": true, "os.path.exists": true, "os.path.isdir": true, "os.path.isabs": true}

// metaFamilies: the families a literal substring's absence protects.
func metaFamilies(s string) Families {
	var f Families
	if strings.Contains(s, "..") || s == "/" || s == `\` {
		f |= Family("path")
	}
	if strings.ContainsAny(s, ";|&`$") && len(s) <= 2 {
		f |= Family("command")
	}
	return f
}

// allowList: a collection of literals, or a name spelled as a constant
// (ALLOWED, settings.ALLOWED_HOSTS) or a set/dict the program holds.
func allowList(e ast.Expr) bool {
	switch c := e.(type) {
	case *ast.Tuple, *ast.List, *ast.Set:
		var elts []ast.Expr
		switch c := c.(type) {
		case *ast.Tuple:
			elts = c.Elts
		case *ast.List:
			elts = c.Elts
		case *ast.Set:
			elts = c.Elts
		}
		for _, x := range elts {
			if !isLiteral(x) {
				return false
			}
		}
		return true
	case *ast.Dict:
		return true
	case *ast.Name:
		return isConstName(c.ID)
	case *ast.Attribute:
		return isConstName(c.Attr)
	}
	return false
}

func isConstName(s string) bool {
	return len(s) > 1 && strings.ToUpper(s) == s && strings.ContainsAny(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
}

func isLiteral(e ast.Expr) bool {
	_, ok := e.(*ast.Constant)
	return ok
}

func isNone(e ast.Expr) bool {
	c, ok := e.(*ast.Constant)
	return ok && c.Kind == ast.ConstNone
}

// varName is the variable a guard is about: a name, or self.x.
func varName(e ast.Expr) string {
	switch n := e.(type) {
	case *ast.Name:
		return n.ID
	case *ast.Attribute:
		return attrKey(n)
	case *ast.Call:
		// str(x), x.lower(), x.strip() are still x.
		if len(n.Args) == 1 {
			if f, ok := n.Func.(*ast.Name); ok && (f.ID == "str" || f.ID == "len") {
				return varName(n.Args[0])
			}
		}
		if at, ok := n.Func.(*ast.Attribute); ok && len(n.Args) == 0 {
			switch at.Attr {
			case "lower", "upper", "strip", "casefold", "lstrip", "rstrip":
				return varName(at.Value)
			}
		}
	}
	return ""
}

// applyGuard marks the validated variables in env.
func applyGuard(env map[string]val, v validated) {
	for name, f := range v {
		x, ok := env[name]
		if !ok {
			continue
		}
		if f == allFamilies {
			x.l &^= Input | slotMask
			if real(x.l) == 0 && x.l == 0 {
				x = val{x: x.x}
			}
		} else {
			x.safe |= f
		}
		env[name] = x
	}
}

// exits reports whether a block cannot fall through to what follows it.
func (a *analyzer) exits(body []ast.Stmt) bool {
	if len(body) == 0 {
		return false
	}
	switch s := body[len(body)-1].(type) {
	case *ast.Return, *ast.Raise, *ast.Continue, *ast.Break:
		return true
	case *ast.ExprStmt:
		if c, ok := s.Value.(*ast.Call); ok {
			return exitFuncs[a.h.QualName(c.Func)]
		}
	case *ast.If:
		return a.exits(s.Body) && a.exits(s.Orelse)
	}
	return false
}

// exitFuncs end the request or the program.
var exitFuncs = map[string]bool{"sys.exit": true, "exit": true, "quit": true, "os._exit": true, "abort": true,
	"flask.abort": true, "werkzeug.exceptions.abort": true, "fastapi.HTTPException": true, "self.abort": true,
	"self.send_error": true, "bottle.abort": true, "pyramid.httpexceptions.exception_response": true}

// truth is the value of a test when the analysis knows it: literals,
// arithmetic on them and variables bound to them (n = 86; 7 * 42 - n).
func (a *analyzer) truth(test ast.Expr, env map[string]val) (bool, bool) {
	c, ok := a.constOf(test, env, 0)
	if !ok {
		return false, false
	}
	switch c.kind {
	case cInt:
		return c.i != 0, true
	case cStr:
		return c.s != "", true
	case cBool:
		return c.b, true
	case cNone:
		return false, true
	}
	return false, false
}

type constKind uint8

const (
	cUnknown constKind = iota
	cInt
	cStr
	cBool
	cNone
)

// konst is a value the analysis computed; vals keep one for variables
// bound to literals.
type konst struct {
	kind constKind
	i    int64
	s    string
	b    bool
}

func (a *analyzer) constOf(e ast.Expr, env map[string]val, depth int) (konst, bool) {
	if depth > 32 {
		return konst{}, false
	}
	switch n := e.(type) {
	case *ast.Constant:
		switch n.Kind {
		case ast.ConstInt:
			if n.BigInt == nil {
				return konst{kind: cInt, i: n.Int}, true
			}
		case ast.ConstStr:
			return konst{kind: cStr, s: n.Str}, true
		case ast.ConstTrue:
			return konst{kind: cBool, b: true}, true
		case ast.ConstFalse:
			return konst{kind: cBool}, true
		case ast.ConstNone:
			return konst{kind: cNone}, true
		}
	case *ast.Name:
		if v, ok := env[n.ID]; ok && v.konst() != nil {
			return *v.konst(), true
		}
	case *ast.UnaryOp:
		x, ok := a.constOf(n.Operand, env, depth+1)
		if !ok {
			return konst{}, false
		}
		switch n.Op {
		case ast.Not:
			t, ok := a.truthOf(x)
			return konst{kind: cBool, b: !t}, ok
		case ast.USub:
			if x.kind == cInt {
				return konst{kind: cInt, i: -x.i}, true
			}
		}
	case *ast.BinOp:
		l, ok1 := a.constOf(n.Left, env, depth+1)
		r, ok2 := a.constOf(n.Right, env, depth+1)
		if !ok1 || !ok2 {
			return konst{}, false
		}
		if l.kind == cInt && r.kind == cInt {
			switch n.Op {
			case ast.Add:
				return konst{kind: cInt, i: l.i + r.i}, true
			case ast.Sub:
				return konst{kind: cInt, i: l.i - r.i}, true
			case ast.Mult:
				return konst{kind: cInt, i: l.i * r.i}, true
			case ast.FloorDiv:
				if r.i != 0 {
					return konst{kind: cInt, i: floorDiv(l.i, r.i)}, true
				}
			case ast.Mod:
				if r.i != 0 {
					return konst{kind: cInt, i: l.i - floorDiv(l.i, r.i)*r.i}, true
				}
			}
		}
		if l.kind == cStr && r.kind == cStr && n.Op == ast.Add {
			return konst{kind: cStr, s: l.s + r.s}, true
		}
	case *ast.Compare:
		if len(n.Ops) != 1 {
			return konst{}, false
		}
		l, ok1 := a.constOf(n.Left, env, depth+1)
		r, ok2 := a.constOf(n.Comparators[0], env, depth+1)
		if !ok1 || !ok2 || l.kind != r.kind {
			return konst{}, false
		}
		var cmp int
		switch l.kind {
		case cInt:
			cmp = compareInt(l.i, r.i)
		case cStr:
			cmp = strings.Compare(l.s, r.s)
		case cBool:
			if l.b != r.b {
				cmp = 1
			}
		default:
			return konst{}, false
		}
		var res bool
		switch n.Ops[0] {
		case ast.Eq:
			res = cmp == 0
		case ast.NotEq:
			res = cmp != 0
		case ast.Lt:
			res = cmp < 0
		case ast.LtE:
			res = cmp <= 0
		case ast.Gt:
			res = cmp > 0
		case ast.GtE:
			res = cmp >= 0
		default:
			return konst{}, false
		}
		return konst{kind: cBool, b: res}, true
	case *ast.BoolOp:
		var last konst
		for _, v := range n.Values {
			x, ok := a.constOf(v, env, depth+1)
			if !ok {
				return konst{}, false
			}
			t, _ := a.truthOf(x)
			last = x
			if n.Op == ast.And && !t || n.Op == ast.Or && t {
				return x, true
			}
		}
		return last, true
	}
	return konst{}, false
}

func (a *analyzer) truthOf(k konst) (bool, bool) {
	switch k.kind {
	case cInt:
		return k.i != 0, true
	case cStr:
		return k.s != "", true
	case cBool:
		return k.b, true
	case cNone:
		return false, true
	}
	return false, false
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func compareInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
