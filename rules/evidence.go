package rules

import (
	"slices"
	"strings"

	"github.com/pyward/pyward/python/ast"
)

// Evidence is what the analysis proved about the value a finding's sink
// receives. It never changes a finding's severity or confidence (a Bandit
// rule's stay Bandit's, which users filter on): assess turns it into
// points.
type Evidence uint8

const (
	// EvidenceNone: nothing is proven; the value may be anything.
	EvidenceNone Evidence = iota
	// EvidenceConstant: the value is a literal, or built only from
	// literals and from names that are assigned nothing but such values in
	// their scope: what runs is written in the file for a reviewer to read.
	EvidenceConstant
	// EvidenceSecret: the value is named like a secret (password, token,
	// key …): a weak hash of it is the risk the rule is about.
	EvidenceSecret
)

func (e Evidence) String() string {
	return [...]string{"", "constant", "secret"}[e]
}

// EvidenceFamily says, for a family of rules, which value of the flagged
// code the evidence is about. A proven flow from outside the program is
// not evidence here: it is its own PW4xx finding, scored as such.
type EvidenceFamily struct {
	Family string
	Rules  []string
	// Value names, for the documentation, the value that is checked.
	Value string
	// Calls, when set, limits the family to calls whose qualified name is
	// listed, or whose last component is listed with a leading "*.": where
	// the argument is the data itself (pickle.loads(b"...")), not a file or
	// a path naming data elsewhere (pickle.load(f), pandas.read_pickle(p)).
	Calls []string
	// Keywords name the argument when it is not passed by position.
	Keywords []string
	// Built: the value is the flagged string expression itself (SQL
	// assembled with +, %, .format or an f-string), not a call argument.
	Built bool
	// Unproven, when set, is the severity a finding of the family scores
	// at without evidence (the reported severity stays the rule's); with
	// EvidenceSecret it scores at its own. For weak hashes: most digests
	// are checksums, cache keys and ETags; a hash of a password is not.
	Unproven string
}

// EvidenceFamilies is the table of what evidence lowers points; docs and
// assess read it. Rules not listed get no evidence.
var EvidenceFamilies = []EvidenceFamily{
	{Family: "command", Rules: []string{"B601", "B602", "B603", "B604", "B605", "B606", "B607", "B609"},
		Value: "the command (first argument, or `args=`/`cmd=`/`command=`)", Keywords: []string{"args", "cmd", "command"}},
	{Family: "code", Rules: []string{"B102", "B307"},
		Value: "the code (first argument, or `source=`)", Keywords: []string{"source", "expression", "object"}},
	{Family: "deserialization", Rules: []string{"B301", "B302", "B506"},
		Value:    "the serialized data itself (`*.loads`, `yaml.load`, `jsonpickle.decode`; not a file or path, whose content is unknown)",
		Calls:    []string{"*.loads", "yaml.load", "yaml.load_all", "jsonpickle.decode", "jsonpickle.unpickler.decode"},
		Keywords: []string{"data", "s", "stream", "string"}},
	{Family: "sql", Rules: []string{"B608"}, Value: "the assembled SQL string (every interpolated value)", Built: true},
	{Family: "sql", Rules: []string{"B611"}, Value: "the SQL text (first argument, or `sql=`)", Keywords: []string{"sql"}},
	{Family: "markup", Rules: []string{"B703", "B704"}, Value: "the markup (first argument)", Keywords: []string{"s", "base"}},
	{Family: "weak hash", Rules: []string{"B303", "B324"}, Value: "the hashed data (first argument, or `data=`/`string=`)",
		Keywords: []string{"data", "string"}, Unproven: "MEDIUM"},
}

// hashSecretWords mark a name as holding a secret, for the weak-hash family.
var hashSecretWords = []string{"passw", "pwd", "secret", "token", "credential", "apikey", "api_key", "private"}

// secretNamed reports whether e is a name, attribute or subscript key
// whose words say it holds a secret.
func secretNamed(e ast.Expr) bool {
	var name string
	switch n := e.(type) {
	case *ast.Name:
		name = n.ID
	case *ast.Attribute:
		name = n.Attr
	case *ast.Subscript:
		name, _ = StrConst(n.Slice)
	case *ast.Call: // password.encode(), bytes(password, ...)
		if a, ok := n.Func.(*ast.Attribute); ok {
			return secretNamed(a.Value)
		}
		if len(n.Args) > 0 {
			return secretNamed(n.Args[0])
		}
	case *ast.BinOp: // salt + password
		return secretNamed(n.Left) || secretNamed(n.Right)
	}
	name = strings.ToLower(name)
	for _, w := range hashSecretWords {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

var evidenceByRule = func() map[string]*EvidenceFamily {
	m := map[string]*EvidenceFamily{}
	for i := range EvidenceFamilies {
		for _, id := range EvidenceFamilies[i].Rules {
			m[id] = &EvidenceFamilies[i]
		}
	}
	return m
}()

// EvidenceFamilyOf returns the evidence family of a rule, nil when it has
// none.
func EvidenceFamilyOf(id string) *EvidenceFamily { return evidenceByRule[id] }

// addEvidence sets Evidence on the findings of the rules in
// EvidenceFamilies. It walks the module once more, and only when such a
// finding exists (most files have none).
func (c *Context) addEvidence() {
	var want []int
	for i := range c.findings {
		if evidenceByRule[c.findings[i].Rule.ID] != nil {
			want = append(want, i)
		}
	}
	if len(want) == 0 || c.File == nil || c.File.Module == nil {
		return
	}
	st := &evState{module: newEvScope(nil, false), decls: c.scopeDecls}
	// For each finding, the innermost call around it (call families) and
	// the outermost built string around its start (B608), with the scope
	// they are in.
	type site struct {
		call     *ast.Call
		callSc   *evScope
		built    ast.Expr
		builtSc  *evScope
		start, e int32
	}
	sites := make([]site, len(want))
	for k, i := range want {
		sites[k].start, sites[k].e = c.findings[i].Start, c.findings[i].End
		st.sites = append(st.sites, c.findings[i].Start)
	}
	slices.Sort(st.sites) // decls are in the walk's order, which is the source's
	st.visit = func(n ast.Node, sc *evScope) {
		// Only calls and built strings are sites: the other nodes (most)
		// cost a type switch, not a look at every finding.
		var l ast.Located
		switch x := n.(type) {
		case *ast.Call:
			l = x
		case *ast.BinOp:
			l = x
		case *ast.JoinedStr:
			l = x
		default:
			return
		}
		p, e := l.Pos(), l.End()
		for k := range sites {
			s := &sites[k]
			if p > s.start || e < s.e {
				continue
			}
			switch x := n.(type) {
			case *ast.Call:
				s.call, s.callSc = x, sc // innermost: later visits are deeper
				if a, ok := x.Func.(*ast.Attribute); ok && (a.Attr == "format" || a.Attr == "replace") && s.built == nil {
					s.built, s.builtSc = x, sc
				}
			case *ast.BinOp, *ast.JoinedStr:
				if s.built == nil {
					s.built, s.builtSc = x.(ast.Expr), sc
				}
			}
		}
	}
	ast.Walk(&evVisitor{st, st.module}, c.File.Module)
	for k, i := range want {
		fd := &c.findings[i]
		fam := evidenceByRule[fd.Rule.ID]
		s := sites[k]
		var v ast.Expr
		var sc *evScope
		if fam.Built {
			v, sc = s.built, s.builtSc
			if v == nil { // the flagged string stands alone
				continue
			}
		} else {
			if s.call == nil || !c.evidenceCall(fam, s.call) {
				continue
			}
			v, sc = argument(s.call, fam.Keywords), s.callSc
		}
		switch {
		case v == nil:
		case fam.Unproven != "":
			if secretNamed(v) {
				fd.Evidence = EvidenceSecret
			}
		case st.constant(v, sc, 0):
			fd.Evidence = EvidenceConstant
		}
	}
}

// evidenceCall reports whether the family's evidence applies to the call.
func (c *Context) evidenceCall(fam *EvidenceFamily, call *ast.Call) bool {
	if len(fam.Calls) == 0 {
		return true
	}
	q := c.QualName(call.Func)
	for _, want := range fam.Calls {
		if want == q || strings.HasPrefix(want, "*.") && lastPart(q) == want[2:] {
			return true
		}
	}
	return false
}

// argument is the call's first positional argument, else the first of
// the keywords given; nil when neither is there or the first argument is
// unpacked (*args).
func argument(call *ast.Call, keywords []string) ast.Expr {
	if len(call.Args) > 0 {
		if _, ok := call.Args[0].(*ast.Starred); ok {
			return nil
		}
		return call.Args[0]
	}
	for _, k := range keywords {
		if v := Keyword(call, k); v != nil {
			return v
		}
	}
	return nil
}

// evScope is a Python scope: the module, a function (def or lambda) or a
// class body, with what each name is bound to there.
type evScope struct {
	parent   *evScope
	class    bool
	names    map[string]*evBinding
	global   map[string]bool
	nonlocal map[string]bool
}

// evBinding is every binding of one name in one scope: the values of plain
// assignments, and whether any other binding exists (a parameter, a loop
// target, an import, +=, a walrus, del …), which makes the value unknown.
type evBinding struct {
	values []ast.Expr
	scope  *evScope
	other  bool
}

func newEvScope(parent *evScope, class bool) *evScope {
	return &evScope{parent: parent, class: class, names: map[string]*evBinding{}}
}

func (s *evScope) bind(name string, value ast.Expr) {
	if s.nonlocal[name] {
		// The name is an enclosing function's: rebound from here, at a
		// time nobody knows, its value there is not one known value.
		var nearest *evScope
		for p := s.parent; p != nil && p.parent != nil; p = p.parent { // functions, not the module
			if p.class {
				continue
			}
			if nearest == nil {
				nearest = p
			}
			if p.names[name] != nil {
				nearest = p
				break
			}
		}
		if nearest != nil {
			nearest.bind(name, nil)
		}
		return
	}
	b := s.names[name]
	if b == nil {
		b = &evBinding{scope: s}
		s.names[name] = b
	}
	if value == nil {
		b.other = true
	} else {
		b.values = append(b.values, value)
	}
}

type evState struct {
	module *evScope
	visit  func(ast.Node, *evScope)
	// sites are where the findings start, decls where the file's global
	// and nonlocal statements are: a def, class or lambda that holds
	// neither binds nothing outside itself but its name, so its body is
	// not walked (see skips).
	sites, decls []int32
	// assigned are the Name targets of plain assignments, already bound
	// to their value.
	assigned map[*ast.Name]bool
	// globals are names some function declares global: their module-level
	// value can change there.
	globals map[string]bool
}

type evVisitor struct {
	st *evState
	sc *evScope
}

// skips reports whether the walk can leave out what n (a scope of its
// own) holds: no finding starts in it and no global or nonlocal statement
// reaches out of it. Most files with a finding have it in one or two of
// their functions; walking the others cost the evidence most of its time.
func (st *evState) skips(n ast.Located) bool {
	p, e := n.Pos(), n.End()
	for _, list := range [2][]int32{st.sites, st.decls} { // both sorted
		if i, _ := slices.BinarySearch(list, p); i < len(list) && list[i] < e {
			return false
		}
	}
	return true
}

// (A pointer: returned for every node, a struct value would be boxed,
// an allocation per node.)
func (v *evVisitor) Visit(n ast.Node) ast.Visitor {
	if n == nil {
		return nil
	}
	st, sc := v.st, v.sc
	st.visit(n, sc)
	switch x := n.(type) {
	case *ast.FunctionDef:
		sc.bind(x.Name, nil)
		if st.skips(x) {
			return nil
		}
		return &evVisitor{st, newEvScope(sc, false)}
	case *ast.AsyncFunctionDef:
		sc.bind(x.Name, nil)
		if st.skips(x) {
			return nil
		}
		return &evVisitor{st, newEvScope(sc, false)}
	case *ast.Lambda:
		if st.skips(x) {
			return nil
		}
		return &evVisitor{st, newEvScope(sc, false)}
	case *ast.ClassDef:
		sc.bind(x.Name, nil)
		if st.skips(x) {
			return nil
		}
		return &evVisitor{st, newEvScope(sc, true)}
	case *ast.Assign:
		for _, t := range x.Targets {
			if nm, ok := t.(*ast.Name); ok {
				sc.bind(nm.ID, x.Value)
				if st.assigned == nil {
					st.assigned = map[*ast.Name]bool{}
				}
				st.assigned[nm] = true
			}
		}
	case *ast.AnnAssign:
		if nm, ok := x.Target.(*ast.Name); ok && x.Value != nil {
			sc.bind(nm.ID, x.Value)
			if st.assigned == nil {
				st.assigned = map[*ast.Name]bool{}
			}
			st.assigned[nm] = true
		}
	case *ast.Name:
		if x.Ctx != ast.Load && !st.assigned[x] {
			sc.bind(x.ID, nil)
		}
	case *ast.Arg:
		sc.bind(x.Arg, nil)
	case *ast.Alias:
		name := x.Name
		if x.Asname != nil {
			name = *x.Asname
		} else if i := strings.IndexByte(name, '.'); i >= 0 {
			name = name[:i]
		}
		sc.bind(name, nil)
	case *ast.ExceptHandler:
		if x.Name != nil {
			sc.bind(*x.Name, nil)
		}
	case *ast.MatchAs:
		if x.Name != nil {
			sc.bind(*x.Name, nil)
		}
	case *ast.MatchStar:
		if x.Name != nil {
			sc.bind(*x.Name, nil)
		}
	case *ast.MatchMapping:
		if x.Rest != nil {
			sc.bind(*x.Rest, nil)
		}
	case *ast.Global:
		for _, name := range x.Names {
			if sc.global == nil {
				sc.global = map[string]bool{}
			}
			sc.global[name] = true
			if st.globals == nil {
				st.globals = map[string]bool{}
			}
			st.globals[name] = true
		}
	case *ast.Nonlocal:
		for _, name := range x.Names {
			if sc.nonlocal == nil {
				sc.nonlocal = map[string]bool{}
			}
			sc.nonlocal[name] = true
		}
	}
	return v
}

// lookup finds the binding a name used in scope sc refers to, as Python
// resolves it: the scope itself, then enclosing functions (class bodies
// are not visible from the functions inside them), then the module. nil
// when it is unbound (a builtin) or declared nonlocal.
func (st *evState) lookup(name string, sc *evScope) *evBinding {
	if sc.nonlocal[name] {
		return nil
	}
	if sc.global[name] {
		return st.module.names[name]
	}
	for s := sc; s != nil; s = s.parent {
		if s != sc && s.class {
			continue
		}
		if b := s.names[name]; b != nil {
			return b
		}
	}
	return nil
}

// maxEvidenceDepth bounds how far constant follows names and nesting.
const maxEvidenceDepth = 20

// constant reports whether e is pinned to literals: a literal, a
// container or string built only from such values, or a name whose every
// binding in its scope is a plain assignment of such a value.
func (st *evState) constant(e ast.Expr, sc *evScope, depth int) bool {
	if depth > maxEvidenceDepth || e == nil {
		return false
	}
	d := depth + 1
	all := func(list []ast.Expr) bool {
		for _, x := range list {
			if s, ok := x.(*ast.Starred); ok {
				x = s.Value
			}
			if !st.constant(x, sc, d) {
				return false
			}
		}
		return true
	}
	switch n := e.(type) {
	case *ast.Constant:
		return true
	case *ast.JoinedStr:
		for _, v := range n.Values {
			if fv, ok := v.(*ast.FormattedValue); ok && !st.constant(fv.Value, sc, d) {
				return false
			}
		}
		return true
	case *ast.BinOp:
		return st.constant(n.Left, sc, d) && st.constant(n.Right, sc, d)
	case *ast.UnaryOp:
		return st.constant(n.Operand, sc, d)
	case *ast.BoolOp:
		return all(n.Values)
	case *ast.IfExp:
		// Whichever branch is taken, the value is one of two literals.
		return st.constant(n.Body, sc, d) && st.constant(n.Orelse, sc, d)
	case *ast.Tuple:
		return all(n.Elts)
	case *ast.List:
		return all(n.Elts)
	case *ast.Set:
		return all(n.Elts)
	case *ast.Dict:
		for i, k := range n.Keys {
			if k != nil && !st.constant(k, sc, d) || !st.constant(n.Values[i], sc, d) {
				return false
			}
		}
		return true
	case *ast.Subscript:
		return st.constant(n.Value, sc, d) && st.constant(n.Slice, sc, d)
	case *ast.Slice:
		for _, x := range []ast.Expr{n.Lower, n.Upper, n.Step} {
			if x != nil && !st.constant(x, sc, d) {
				return false
			}
		}
		return true
	case *ast.Call:
		if _, ok := fold(n); ok {
			return true
		}
		// Pure string methods and conversions of pinned values.
		switch f := n.Func.(type) {
		case *ast.Attribute:
			if !stringMethods[f.Attr] || !st.constant(f.Value, sc, d) {
				return false
			}
		case *ast.Name:
			if !conversions[f.ID] || st.lookup(f.ID, sc) != nil {
				return false // not the builtin when the name is rebound
			}
		default:
			return false
		}
		for _, k := range n.Keywords {
			if !st.constant(k.Value, sc, d) {
				return false
			}
		}
		return all(n.Args)
	case *ast.Name:
		b := st.lookup(n.ID, sc)
		if b == nil || b.other || len(b.values) == 0 || b.scope == st.module && st.globals[n.ID] {
			return false
		}
		for _, v := range b.values {
			if !st.constant(v, b.scope, d) {
				return false
			}
		}
		return true
	}
	return false
}

// stringMethods return a value computed from their receiver and arguments
// alone.
var stringMethods = map[string]bool{
	"format": true, "join": true, "lower": true, "upper": true, "strip": true, "lstrip": true,
	"rstrip": true, "replace": true, "encode": true, "decode": true, "split": true, "title": true,
}

// conversions are builtins whose result depends on their arguments alone.
var conversions = map[string]bool{"str": true, "bytes": true, "int": true, "float": true, "bool": true, "tuple": true, "list": true}
