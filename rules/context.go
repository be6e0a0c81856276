package rules

import (
	"reflect"
	"strings"
	"sync"

	"github.com/pyward/pyward/flow"
	"github.com/pyward/pyward/python/ast"
	"github.com/pyward/pyward/python/parser"
)

// Finding is one rule's report on one place of a file.
type Finding struct {
	Rule       *Rule
	Severity   Level
	Confidence Level
	Message    string
	// Start and End delimit what is flagged, as byte offsets into the
	// decoded source; ScopeStart and ScopeEnd delimit the statement around
	// it, whose every line may carry a suppression comment.
	Start, End           int32
	ScopeStart, ScopeEnd int32
	Suppressed           bool
	Justification        string
	// Flow is the path a value took to the flagged place (data-flow
	// rules), in order; the last step is the flagged call.
	Flow []Step
	// Engine is the external engine that reported the finding, "" for
	// pyward's own; Also lists the external engines that reported a
	// native finding too.
	Engine string
	Also   []string
	// Evidence is what the analysis proved about the flagged value (see
	// evidence.go); assess turns it into points.
	Evidence Evidence
}

// Context is what a rule sees of the file being checked: the parsed file
// and the names imported so far. Import aliases are recorded in visit
// order, file-wide, as Bandit does, so that `from subprocess import Popen
// as P; P(...)` is a call of subprocess.Popen.
type Context struct {
	File *parser.File

	aliases     map[string]string        // local name -> qualified name
	dynAliases  map[string]reach         // aliases set by assigning a name looked up by string (see noteAssign)
	values      map[string]ast.Expr      // the last value assigned to each plain name so far (see foldVar)
	loops       map[string][]literalLoop // per name, the loops over literals that bind it (see noteFor)
	ruleState   map[*Rule]any            // per-file state of rules that judge the whole file (see state)
	whiles      *[][2]int32              // the spans of the file's while loops, once found (see inWhile)
	fpKinds     uint8                    // the kinds of host fingerprint the file reads (see noteFlowCall)
	imported    []string                 // qualified names imported so far
	rule        *Rule
	options     map[string]map[string]any // rule ID -> option -> value
	byList      map[string][]placedRule   // see Set.listIndex
	calls       [2]map[string]*callRules  // see Set.rulesFor: plain calls, then method calls
	callNodes   []*ast.Call               // every call, in the walk's order
	callMarks   []flow.CallMark           // what each of callNodes' names is to the analysis
	refNodes    []ast.Expr                // every name, attribute and string, in the walk's order
	walked      bool                      // the walk is over: callNodes is complete
	call        *ast.Call                 // the call whose name is cached
	callName    string
	callReach   reach             // how the cached call's name was reached
	marks       map[any]string    // per-file notes rules leave on nodes (see Mark)
	flowRes     *flowResult       // the data-flow analysis, once run (see flow)
	model       *flow.Model       // the data-flow model (see flowModel)
	flowWanted  bool              // a call the analysis reports on was seen (see noteFlowCall)
	program     *flow.Program     // the scan's other files (see program.go), nil for a file alone
	relative    map[string]string // names bound by relative imports -> absolute names (see noteRelative)
	sendWanted  bool              // a call sending data over the network was seen
	secretFound []bool            // by number, the literals present in the file (see secretHint)
	// secretPlaces are where each of them is, in the order of the text
	// (see secretHint and eachLiteral).
	secretPlaces []secretPlace
	// The last call processCall looked at, and its answer: several rules
	// ask about the same call in a row.
	procCall *ast.Call
	procCmd  string
	procOK   bool
	// The same for captureOf (PW109 and PW502 ask it of every call).
	capCall *ast.Call
	capWhat string
	capOK   bool
	// And for callCommand (PW102, PW110 and PW111 ask it of every call).
	cmdCall *ast.Call
	cmdText string
	cmdOK   bool
	// The import statement importNames last listed, and its names (the
	// import rules, 18 of them, each ask).
	impNode  ast.Node
	impNames []string
	scope    [2]int32
	// scopeDecls are where the global and nonlocal statements are (see
	// addEvidence).
	scopeDecls []int32
	findings   []Finding
}

// Report records a finding of the current rule at n with the rule's
// severity, confidence and message.
func (c *Context) Report(n ast.Located) {
	c.ReportWith(n, c.rule.Severity, c.rule.Confidence, c.rule.Message)
}

// ReportWith records a finding at n with its own severity, confidence and
// message.
func (c *Context) ReportWith(n ast.Located, sev, conf Level, msg string) {
	c.ReportSpan(n.Pos(), n.End(), sev, conf, msg)
}

// List returns the current rule's option name: the configured list, else
// the option's default.
func (c *Context) List(name string) []string {
	if v, ok := c.options[c.rule.ID][name]; ok {
		if l, ok := stringList(v); ok {
			return l
		}
	}
	for _, o := range c.rule.Options {
		if o.Name == name {
			return o.Default
		}
	}
	return nil
}

// Bool returns the current rule's switch option name: the configured
// value, else the option's default.
func (c *Context) Bool(name string) bool {
	if v, ok := c.options[c.rule.ID][name].(bool); ok {
		return v
	}
	for _, o := range c.rule.Options {
		if o.Name == name {
			return o.On
		}
	}
	return false
}

// ReportSpan records a finding of the current rule on a byte range of the
// source (file-level checks use it directly: they have no node).
func (c *Context) ReportSpan(start, end int32, sev, conf Level, msg string) {
	c.findings = append(c.findings, Finding{
		Rule: c.rule, Severity: sev, Confidence: conf, Message: msg,
		Start: start, End: end, ScopeStart: c.scope[0], ScopeEnd: c.scope[1],
	})
}

// Mark leaves a note on a node for a rule that will meet it later in the
// walk (children are visited after their parents), and Marked reads it.
func (c *Context) Mark(n any, note string) {
	if c.marks == nil {
		c.marks = map[any]string{}
	}
	c.marks[n] = note
}

// state returns the current rule's per-file state, made by mk on first
// use: rules that gather evidence call by call and judge at KindEnd.
func (c *Context) state(mk func() any) any {
	if v, ok := c.ruleState[c.rule]; ok {
		return v
	}
	if c.ruleState == nil {
		c.ruleState = map[*Rule]any{}
	}
	v := mk()
	c.ruleState[c.rule] = v
	return v
}

// Marked returns the note left on n, or "".
func (c *Context) Marked(n any) string { return c.marks[n] }

// CallName is the qualified name of the called function, computed once per
// call however many rules ask (see QualName).
func (c *Context) CallName(call *ast.Call) string {
	if c.call != call {
		c.call = call
		c.callName, c.callReach = c.resolve(call.Func, 0)
	}
	return c.callName
}

// callHow is how the called function was reached (see resolve), cached
// with CallName: rules that ask for both resolve the name once.
func (c *Context) callHow(call *ast.Call) reach {
	c.CallName(call)
	return c.callReach
}

// QualName is the qualified name an expression spells, with import aliases
// substituted: `P` after `from subprocess import Popen as P` is
// "subprocess.Popen"; `o.system` after `import os as o` is "os.system". A
// chain that does not bottom out in a name contributes an empty prefix
// (`f().run` is ".run"); other expressions have no name ("").
//
// Names reached by string resolve too, so that every rule sees the
// function however it was reached (see resolve): `getattr(os, "system")`,
// `__import__("os").system`, `importlib.import_module("subprocess")`,
// `sys.modules["os"]`, `vars(__builtins__)["exec"]`, `globals()["eval"]`,
// and a name assigned one of them. The builtins module's own prefix is
// dropped: `builtins.exec` is "exec".
func (c *Context) QualName(e ast.Expr) string {
	q, _ := c.resolve(e, 0)
	return q
}

// How a name was reached, in increasing order of suspicion.
type reach uint8

const (
	reachPlain    reach = iota // written as a name
	reachString                // looked up by a literal string: getattr(os, "system")
	reachComputed              // looked up by a string computed from pieces or decoded
)

// builtinsNames are the names under which code reaches the builtins
// module.
var builtinsNames = map[string]bool{"builtins": true, "__builtins__": true, "__builtin__": true}

// normBuiltins drops the builtins module's prefix: builtins.exec is exec.
// `__builtins__` needs no import; `builtins` (`__builtin__` in Python 2)
// counts only once imported, as a name that is not imported could be
// anything.
func (c *Context) normBuiltins(q string) string {
	for _, p := range [...]string{"__builtins__.", "builtins.", "__builtin__."} {
		if len(q) > len(p) && q[:len(p)] == p {
			if p == "__builtins__." || c.Imported(p[:len(p)-1]) {
				return q[len(p):]
			}
		}
	}
	return q
}

// resolve is QualName with how the name was reached: reachString or
// reachComputed when some step was a lookup by string.
func (c *Context) resolve(e ast.Expr, depth int) (string, reach) {
	if depth > 20 {
		return "", reachPlain
	}
	switch n := e.(type) {
	case *ast.Name:
		if q, ok := c.aliases[n.ID]; ok {
			return q, c.dynAliases[n.ID]
		}
		return n.ID, reachPlain
	case *ast.Attribute:
		var base string
		var how reach
		switch v := n.Value.(type) {
		case *ast.Name, *ast.Attribute, *ast.Call, *ast.Subscript:
			base, how = c.resolve(v, depth+1)
		}
		return c.normBuiltins(base + "." + n.Attr), how
	case *ast.Call, *ast.Subscript:
		if q, how, ok := c.lookup(n, depth); ok {
			return q, how
		}
	}
	return "", reachPlain
}

// lookup resolves a lookup by string of a module or of a name in one:
// getattr(M, S), __import__(S), importlib.import_module(S), sys.modules[S],
// vars(M)[S], M.__dict__[S], globals()[S], __builtins__[S]. S must fold to
// a string; M must be a module (imported, builtins, or itself looked up),
// so that getattr(self, "run") stays unresolved.
func (c *Context) lookup(e ast.Expr, depth int) (string, reach, bool) {
	key := func(x ast.Expr) (string, reach, bool) {
		s, ok := fold(x)
		if !ok || s == "" || len(s) > 200 {
			return "", 0, false
		}
		if isLiteral(x) {
			return s, reachString, true
		}
		return s, reachComputed, true
	}
	switch n := e.(type) {
	case *ast.Call:
		fq, fhow := c.resolve(n.Func, depth+1)
		switch fq {
		case "getattr":
			if len(n.Args) < 2 {
				return "", 0, false
			}
			m, mhow, ok := c.moduleRef(n.Args[0], depth)
			s, show, ok2 := key(n.Args[1])
			if !ok || !ok2 {
				return "", 0, false
			}
			return c.normBuiltins(m + "." + s), max(mhow, show, fhow), true
		case "__import__", "importlib.__import__", "importlib.import_module":
			if len(n.Args) == 0 {
				return "", 0, false
			}
			s, show, ok := key(n.Args[0])
			if !ok {
				return "", 0, false
			}
			// __import__("os.path") is os, unless a fromlist is given.
			if fq != "importlib.import_module" && len(n.Args) < 4 && Keyword(n, "fromlist") == nil {
				if i := strings.IndexByte(s, '.'); i > 0 {
					s = s[:i]
				}
			}
			if builtinsNames[s] {
				s = "__builtins__"
			}
			return c.normBuiltins(s), max(show, fhow), true
		}
	case *ast.Subscript:
		s, show, ok := key(n.Slice)
		if !ok {
			return "", 0, false
		}
		switch v := n.Value.(type) {
		case *ast.Attribute:
			if v.Attr == "__dict__" {
				if m, mhow, ok := c.moduleRef(v.Value, depth); ok {
					return c.normBuiltins(m + "." + s), max(mhow, show), true
				}
				return "", 0, false
			}
			if q, _ := c.resolve(v, depth+1); q == "sys.modules" {
				return c.normBuiltins(s), show, true
			}
		case *ast.Name:
			if builtinsNames[v.ID] { // __builtins__ is a dict outside __main__
				return c.normBuiltins(s), show, true
			}
		case *ast.Call:
			fq, _ := c.resolve(v.Func, depth+1)
			switch {
			case (fq == "globals" || fq == "locals") && len(v.Args) == 0:
				// A global name: an imported alias or a builtin.
				if q, ok := c.aliases[s]; ok {
					return q, show, true
				}
				return c.normBuiltins(s), show, true
			case fq == "vars" && len(v.Args) == 1:
				if m, mhow, ok := c.moduleRef(v.Args[0], depth); ok {
					return c.normBuiltins(m + "." + s), max(mhow, show), true
				}
			}
		}
	}
	return "", 0, false
}

// moduleRef resolves an expression that must be a module: a name imported
// (or aliased) in the file, the builtins module, an attribute of a module
// (os.path), or a module looked up by string.
func (c *Context) moduleRef(e ast.Expr, depth int) (string, reach, bool) {
	switch n := e.(type) {
	case *ast.Name:
		if q, ok := c.aliases[n.ID]; ok {
			return c.normBuiltins(q), c.dynAliases[n.ID], true
		}
		if n.ID == "__builtins__" || builtinsNames[n.ID] && c.Imported(n.ID) {
			return "__builtins__", reachPlain, true
		}
		if c.Imported(n.ID) {
			return n.ID, reachPlain, true
		}
	case *ast.Attribute:
		// Bounded like resolve: no module path is 20 names long, and an
		// unbounded walk down a.b.b.b… would rebuild a longer string at
		// each step, quadratic in the chain.
		if depth >= 20 {
			return "", 0, false
		}
		if m, how, ok := c.moduleRef(n.Value, depth+1); ok {
			return c.normBuiltins(m + "." + n.Attr), how, true
		}
	case *ast.Call, *ast.Subscript:
		if depth < 20 {
			return c.lookup(n, depth+1)
		}
	}
	return "", 0, false
}

// noteAssign records `x = <name looked up by string>` as an alias, so that
// `s = __import__("subprocess"); s.Popen(...)`, `run = __import__("os").system`
// and `e = getattr(builtins, "exec"); e(code)` resolve; a later assignment
// of anything else to x drops the alias. It also remembers the last value
// assigned to each plain name, for folding (see foldVar).
func (c *Context) noteAssign(a *ast.Assign) {
	if len(a.Targets) != 1 {
		return
	}
	t, ok := a.Targets[0].(*ast.Name)
	if !ok {
		return
	}
	if c.values == nil {
		c.values = map[string]ast.Expr{}
	}
	c.values[t.ID] = a.Value
	switch a.Value.(type) {
	case *ast.Call, *ast.Subscript, *ast.Attribute:
		if q, how := c.resolve(a.Value, 0); how != reachPlain && q != "" && q[0] != '.' {
			if c.dynAliases == nil {
				c.dynAliases = map[string]reach{}
			}
			c.aliases[t.ID], c.dynAliases[t.ID] = q, how
			return
		}
	}
	if _, ok := c.dynAliases[t.ID]; ok {
		delete(c.aliases, t.ID)
		delete(c.dynAliases, t.ID)
	}
}

// literalLoop is a for loop over a literal list, tuple or set whose body
// does not rebind its variable, and the span of its body: there the
// variable is one of the elements.
type literalLoop struct {
	body [2]int32
	elts []ast.Expr
}

// noteFor remembers a loop whose plain variable takes the elements of a
// literal: `for url in ["file://a", "file://b"]`.
func (c *Context) noteFor(f *ast.For) {
	t, ok := f.Target.(*ast.Name)
	if !ok || len(f.Body) == 0 {
		return
	}
	elts := literalElts(f.Iter)
	if s, ok := f.Iter.(*ast.Set); ok {
		elts = s.Elts
	}
	if len(elts) == 0 {
		return
	}
	rebound := false
	for _, st := range f.Body {
		ast.Inspect(st, func(x ast.Node) bool {
			if nm, ok := x.(*ast.Name); ok && nm.ID == t.ID && nm.Ctx != ast.Load {
				rebound = true
			}
			return !rebound
		})
	}
	if rebound {
		return
	}
	if c.loops == nil {
		c.loops = map[string][]literalLoop{}
	}
	c.loops[t.ID] = append(c.loops[t.ID], literalLoop{[2]int32{f.Body[0].Pos(), f.Body[len(f.Body)-1].End()}, elts})
}

// literalElts are the elements of a list or tuple display, else nil.
func literalElts(e ast.Expr) []ast.Expr {
	switch n := e.(type) {
	case *ast.List:
		return n.Elts
	case *ast.Tuple:
		return n.Elts
	}
	return nil
}

// loopElements are the literals the name n is one of where it is read:
// the innermost loop over literals binding it around n; nil when none.
func (c *Context) loopElements(n *ast.Name) []ast.Expr {
	var best *literalLoop
	for i, l := range c.loops[n.ID] {
		if l.body[0] <= n.Pos() && n.End() <= l.body[1] && (best == nil || l.body[0] >= best.body[0]) {
			best = &c.loops[n.ID][i]
		}
	}
	if best == nil {
		return nil
	}
	return best.elts
}

// foldVar is fold that also follows plain names to the last value the
// file assigned them before this point (`_p = "...".decode("cp1026")`
// then `exec(_p)`), and reports whether a decoding step was needed.
func (c *Context) foldVar(e ast.Expr) (s string, decoded, ok bool) {
	f := folder{names: c.values}
	s, ok = f.fold(e, 0)
	return s, f.decoded, ok
}

// Imported reports whether the qualified name was imported so far.
func (c *Context) Imported(name string) bool {
	for _, q := range c.imported {
		if q == name {
			return true
		}
	}
	return false
}

// Keyword returns the value of the last keyword argument called name, or
// nil when there is none.
func Keyword(call *ast.Call, name string) ast.Expr {
	var v ast.Expr
	for _, k := range call.Keywords {
		if k.Arg != nil && *k.Arg == name {
			v = k.Value
		}
	}
	return v
}

// KeywordNode returns the last keyword argument called name, or nil.
func KeywordNode(call *ast.Call, name string) *ast.Keyword {
	var kw *ast.Keyword
	for _, k := range call.Keywords {
		if k.Arg != nil && *k.Arg == name {
			kw = k
		}
	}
	return kw
}

// StrConst returns the value of a str constant, and whether e is one.
func StrConst(e ast.Expr) (string, bool) {
	if c, ok := e.(*ast.Constant); ok && c.Kind == ast.ConstStr {
		return c.Str, true
	}
	return "", false
}

// recordImport updates the alias table and the imported names for an
// import statement, as Bandit does (relative dots dropped; `from . import x`
// treated as `import x`).
func (c *Context) recordImport(n ast.Node) {
	c.noteRelative(n)
	switch s := n.(type) {
	case *ast.Import:
		for _, a := range s.Names {
			c.imported = append(c.imported, a.Name)
			if a.Asname != nil {
				c.aliases[*a.Asname] = a.Name
			}
		}
	case *ast.ImportFrom:
		for _, a := range s.Names {
			if s.Module == nil {
				c.imported = append(c.imported, a.Name)
				if a.Asname != nil {
					c.aliases[*a.Asname] = a.Name
				}
				continue
			}
			q := *s.Module + "." + a.Name
			c.imported = append(c.imported, q)
			local := a.Name
			if a.Asname != nil {
				local = *a.Asname
			}
			c.aliases[local] = q
		}
	}
}

// Set is a group of rules ready to run: rules indexed by the node kinds
// and call names they registered for, built once and shared by every file
// (and every worker: it is read-only once built).
type Set struct {
	byKind [numKinds][]*Rule
	// Call rules: those that see every call, and those narrowed by name.
	anyCall []*Rule
	anyPos  []int // each anyCall rule's place among the enabled rules
	byCall  map[string][]*Rule
	byLast  map[string][]*Rule
	// byList are the rules narrowed by list options (Rule.CallLists);
	// lists indexes them by the names in those lists, once per
	// configuration (the options map a run passes).
	byList []placedRule
	lists  sync.Map // options map's address -> listEntry
	// when are the rules narrowed by Rule.CallWhen.
	when []placedRule
	// model is the data-flow model of the configuration (the built-in
	// libraries and the flow section's), nil for the built-in one.
	model *flow.Model
	// caches are rulesFor's answers, one per worker (see callCache).
	cacheMu sync.Mutex
	caches  []*callCache
}

// UseFlow makes the set's data-flow rules analyse with m, a model
// compiled once per configuration (flow.Compile), instead of
// flow.Default(). Call it before the set runs.
func (s *Set) UseFlow(m *flow.Model) { s.model = m }

// flowModel is the model the file is analysed with.
func (c *Context) flowModel() *flow.Model {
	if c.model != nil {
		return c.model
	}
	return flow.Default()
}

// NewSet indexes enabled rules for Run.
func NewSet(enabled []*Rule) *Set {
	s := &Set{byCall: map[string][]*Rule{}, byLast: map[string][]*Rule{}}
	for i, r := range enabled {
		for _, k := range r.Kinds {
			if k != KindCall {
				s.byKind[k] = append(s.byKind[k], r)
				continue
			}
			if len(r.Calls) == 0 && len(r.CallLast) == 0 && len(r.CallLists) == 0 {
				if r.CallWhen != nil && !everyCall {
					s.when = append(s.when, placedRule{i, r})
					continue
				}
				s.anyCall = append(s.anyCall, r)
				s.anyPos = append(s.anyPos, i)
			}
			if len(r.CallLists) > 0 {
				s.byList = append(s.byList, placedRule{i, r})
			}
			for _, q := range r.Calls {
				s.byCall[q] = append(s.byCall[q], r)
			}
			for _, l := range r.CallLast {
				s.byLast[l] = append(s.byLast[l], r)
			}
		}
	}
	return s
}

// Run checks a parsed file with the given rules (see Set.Run).
func Run(f *parser.File, enabled []*Rule, options map[string]map[string]any) []Finding {
	return NewSet(enabled).Run(f, options)
}

// Run checks a parsed file in one walk of its tree: each node is shown
// only to the rules registered for its kind, and each call only to the
// rules registered for its name (or for every call). options holds each
// rule's configured options, by rule ID (nil for defaults).
func (s *Set) Run(f *parser.File, options map[string]map[string]any) []Finding {
	return s.run(f, options, nil)
}

func (s *Set) run(f *parser.File, options map[string]map[string]any, p *flow.Program) []Finding {
	byKind := &s.byKind
	c := &Context{File: f, aliases: map[string]string{}, options: options, model: s.model, program: p}
	wl := walkPool.Get().(*walkLists)
	c.callNodes, c.callMarks, c.refNodes, c.secretPlaces = wl.calls[:0], wl.marks[:0], wl.refs[:0], wl.places[:0]
	defer func() {
		clear(c.callNodes) // the lists do not keep the tree alive
		clear(c.refNodes)
		wl.calls, wl.marks, wl.refs, wl.places = c.callNodes[:0], c.callMarks[:0], c.refNodes[:0], c.secretPlaces[:0]
		c.callNodes, c.callMarks, c.refNodes, c.secretPlaces = nil, nil, nil, nil
		walkPool.Put(wl)
	}()
	c.byList = s.listIndex(c)
	cc := s.callCache(c.byList)
	c.calls = cc.m
	defer s.putCallCache(cc)
	for _, r := range byKind[KindFile] {
		c.rule = r
		r.Check(c, f.Module)
	}
	for _, r := range byKind[KindText] {
		c.rule = r
		r.Check(c, nil)
	}
	var docstring *ast.Constant // a string statement, which KindStr skips
	ast.Inspect(f.Module, func(n ast.Node) bool {
		var kind Kind
		switch s := n.(type) {
		case *ast.Call:
			kind = KindCall
		case *ast.Assert:
			c.scope = [2]int32{s.Pos(), s.End()}
			kind = KindAssert
		case *ast.ExceptHandler:
			c.scope = [2]int32{s.Pos(), s.End()}
			kind = KindExceptHandler
		case *ast.Constant:
			if s.Kind == ast.ConstStr {
				c.refNodes = append(c.refNodes, s)
			}
			if s.Kind != ast.ConstStr || s == docstring || len(byKind[KindStr]) == 0 {
				return true
			}
			kind = KindStr
		case *ast.Dict:
			kind = KindDict
		case *ast.BinOp:
			kind = KindBinOp
		case *ast.JoinedStr:
			kind = KindJoinedStr
		case *ast.Compare:
			kind = KindCompare
		case *ast.Import:
			c.recordImport(n)
			kind = KindImport
		case *ast.ImportFrom:
			c.recordImport(n)
			kind = KindImportFrom
		case *ast.Assign:
			c.scope = [2]int32{s.Pos(), s.End()}
			c.noteAssign(s)
			kind = KindAssign
		case *ast.AnnAssign:
			kind = KindAnnAssign
		case *ast.Name, *ast.Attribute:
			c.refNodes = append(c.refNodes, n.(ast.Expr))
			return true
		case *ast.Global, *ast.Nonlocal:
			st := n.(ast.Stmt)
			c.scopeDecls = append(c.scopeDecls, st.Pos())
			c.scope = [2]int32{st.Pos(), st.End()}
			return true
		case *ast.FunctionDef:
			c.scope = [2]int32{s.Pos(), s.End()}
			for _, r := range byKind[KindFunctionDef] {
				c.rule = r
				r.Check(c, n)
			}
			c.scope = [2]int32{s.Pos(), headerEnd(s)}
			return true
		default:
			if au, ok := n.(*ast.AugAssign); ok {
				if t, ok := au.Target.(*ast.Name); ok && c.values != nil {
					c.values[t.ID] = nil // s += ...: no longer one known value
				}
			}
			if es, ok := n.(*ast.ExprStmt); ok {
				docstring, _ = es.Value.(*ast.Constant)
			}
			if f, ok := n.(*ast.For); ok {
				c.noteFor(f)
			}
			if st, ok := n.(ast.Stmt); ok && isSimple(st) {
				c.scope = [2]int32{st.Pos(), st.End()}
			} else if ok {
				// A compound statement: its header is the scope until a
				// statement of its body takes over.
				c.scope = [2]int32{st.Pos(), headerEnd(s)}
			}
			return true
		}
		if st, ok := n.(ast.Stmt); ok {
			c.scope = [2]int32{st.Pos(), st.End()}
		}
		if kind == KindCall {
			call := n.(*ast.Call)
			c.callNodes = append(c.callNodes, call)
			s.runCall(c, call)
			return true
		}
		for _, r := range byKind[kind] {
			c.rule = r
			r.Check(c, n)
		}
		return true
	})
	c.scope = [2]int32{}
	c.walked = true // callNodes is complete (see flow.CallLister)
	for _, r := range byKind[KindEnd] {
		c.rule = r
		r.Check(c, f.Module)
	}
	c.addEvidence()
	return c.findings
}

// walkLists are the lists the walk makes of a file's calls, their marks
// and its names (see flowHost), kept for the next file: growing them anew
// for each file (copies, zeroed memory) cost 6% of the data-cache misses
// of a standard-library scan (cachegrind), and 2% of its time.
type walkLists struct {
	calls  []*ast.Call
	marks  []flow.CallMark
	refs   []ast.Expr
	places []secretPlace
}

var walkPool = sync.Pool{New: func() any { return new(walkLists) }}

// RunText runs only the text-level rules (KindText), for a file that
// cannot be parsed.
func (s *Set) RunText(f *parser.File, options map[string]map[string]any) []Finding {
	c := &Context{File: f, aliases: map[string]string{}, options: options}
	for _, r := range s.byKind[KindText] {
		c.rule = r
		r.Check(c, nil)
	}
	return c.findings
}

// runCall shows a call to the rules for every call, then to those
// registered for its qualified name or its last component. A rule
// registered under both is shown the call once.
func (s *Set) runCall(c *Context, call *ast.Call) {
	q := c.CallName(call)
	method := ""
	if a, ok := call.Func.(*ast.Attribute); ok {
		method = a.Attr
	}
	e := s.rulesFor(c, q, method)
	// The rules of every call and those its name is listed for, in the
	// order of the enabled rules (findings at one place keep the order
	// the rules have).
	listed := e.listed
	for i, r := range s.anyCall {
		for len(listed) > 0 && listed[0].pos < s.anyPos[i] {
			c.rule = listed[0].r
			listed[0].r.Check(c, call)
			listed = listed[1:]
		}
		if r.CallKeywords != nil && !passesKeyword(call, r.CallKeywords) {
			continue
		}
		c.rule = r
		r.Check(c, call)
	}
	for _, l := range listed {
		c.rule = l.r
		l.r.Check(c, call)
	}
	c.noteFlowCall(e)
	c.callMarks = append(c.callMarks, e.mark)
	for _, r := range e.exact {
		c.rule = r
		r.Check(c, call)
	}
	for _, r := range e.last {
		c.rule = r
		r.Check(c, call)
	}
}

// callRules is what a call's name decides: the rules it is shown to
// beyond those of every call, and what the data-flow analysis makes of
// it (see noteFlowCall). A file calls the same names again and again
// (self.assertEqual, os.path.join): rulesFor finds them once per name and
// file, in one lookup, where each call took seven.
type callRules struct {
	listed       []placedRule // by list option, in the rules' order
	exact, last  []*Rule      // by name, then by last part (without those by name)
	fp           uint8        // fingerprintKinds
	wants, sends bool         // flow.Model.Wants and Sends
	mark         flow.CallMark
}

// rulesFor is the callRules of a call of q (method: the attribute
// called, "" for a plain call). q alone keys an attribute's call, whose
// name ends with the attribute.
func (s *Set) rulesFor(c *Context, q, method string) *callRules {
	k := 0
	if method != "" {
		k = 1
	}
	if e := c.calls[k][q]; e != nil {
		return e
	}
	e := &callRules{listed: c.byList[q], exact: s.byCall[q], fp: fingerprintKinds[q]}
	if len(s.when) > 0 {
		e.listed = s.withWhen(e.listed, q, method)
	}
next:
	for _, r := range s.byLast[lastPart(q)] {
		for _, x := range e.exact {
			if x == r {
				continue next
			}
		}
		e.last = append(e.last, r)
	}
	m := c.flowModel()
	if e.wants = m.Wants(q, method); e.wants {
		e.sends = m.Sends(q, method)
		e.mark |= flow.MarkWants
	}
	if m.Labels(q, method) {
		e.mark |= flow.MarkLabels
	}
	if c.calls[k] == nil {
		c.calls[k] = map[string]*callRules{}
	}
	if len(c.calls[0])+len(c.calls[1]) >= maxCachedCalls {
		clear(c.calls[0]) // a bound on what a worker holds; the common names come back first
		clear(c.calls[1])
	}
	c.calls[k][q] = e
	return e
}

// callCache is rulesFor's answers kept from one file to the next: they
// depend only on the set, its flow model and the configuration's list
// index, and the files of a scan call the same names (self.assertEqual,
// len, os.path.join) over and over. Working them out anew for each name
// of each file was a tenth of a site-packages scan. A worker takes one
// from the set's free caches for a file and puts it back after, so none
// is shared by two files at once. (Not a sync.Pool: it empties at each
// collection, and a scan collects fifty times.)
type callCache struct {
	model  *flow.Model
	byList map[string][]placedRule
	m      [2]map[string]*callRules
}

// maxCachedCalls bounds a callCache (about a megabyte).
const maxCachedCalls = 1 << 13

// callCache is a cache of s's answers under the list index byList.
func (s *Set) callCache(byList map[string][]placedRule) *callCache {
	s.cacheMu.Lock()
	var cc *callCache
	if n := len(s.caches); n > 0 {
		cc, s.caches = s.caches[n-1], s.caches[:n-1]
	}
	s.cacheMu.Unlock()
	if cc == nil || cc.model != s.model || !sameMap(cc.byList, byList) {
		cc = &callCache{model: s.model, byList: byList, m: [2]map[string]*callRules{{}, {}}}
	}
	return cc
}

// putCallCache gives a cache back to the set for the next file.
func (s *Set) putCallCache(cc *callCache) {
	s.cacheMu.Lock()
	if len(s.caches) < maxFreeCaches {
		s.caches = append(s.caches, cc)
	}
	s.cacheMu.Unlock()
}

// maxFreeCaches bounds the caches a set keeps: one per worker of a scan.
const maxFreeCaches = 64

// sameMap reports whether a and b are the same map (or both nil). The
// cache holds the map it was made for, so its address is not reused.
func sameMap[M ~map[K]V, K comparable, V any](a, b M) bool {
	return reflect.ValueOf(a).UnsafePointer() == reflect.ValueOf(b).UnsafePointer()
}

// passesKeyword reports whether call passes one of the keyword
// arguments names.
func passesKeyword(call *ast.Call, names []string) bool {
	for _, k := range call.Keywords {
		if k.Arg != nil && inList(*k.Arg, names) {
			return true
		}
	}
	return false
}

// everyCall shows the CallWhen rules every call (see
// TestCallWhenKeepsFindings).
var everyCall bool

// withWhen merges into listed (in the rules' order) the CallWhen rules
// that accept the name.
func (s *Set) withWhen(listed []placedRule, q, method string) []placedRule {
	var out []placedRule
	i := 0
	for _, p := range s.when {
		if !p.r.CallWhen(q, method) {
			continue
		}
		for i < len(listed) && listed[i].pos < p.pos {
			out = append(out, listed[i])
			i++
		}
		out = append(out, p)
	}
	if out == nil {
		return listed
	}
	return append(out, listed[i:]...)
}

// placedRule is a rule with its place among the enabled rules.
type placedRule struct {
	pos int
	r   *Rule
}

// listIndex is the rules of s.byList by the names in their list options
// under c's options, built once per options map: the process rules
// (B602–B609) read lists a configuration may change, and asking each of
// them about every call of every file cost the instruction cache most
// (15% of its misses went with them, by cachegrind).
func (s *Set) listIndex(c *Context) map[string][]placedRule {
	if len(s.byList) == 0 {
		return nil
	}
	// Keyed by the map's address; the entry keeps the map alive, so the
	// address is not reused by another while the entry exists. Options
	// are not changed once a scan has them.
	key := reflect.ValueOf(c.options).UnsafePointer()
	if e, ok := s.lists.Load(key); ok {
		return e.(listEntry).idx
	}
	idx := map[string][]placedRule{}
	for _, p := range s.byList {
		c.rule = p.r
		for _, l := range p.r.CallLists {
			for _, q := range c.List(l) {
				if rs := idx[q]; len(rs) == 0 || rs[len(rs)-1].r != p.r {
					idx[q] = append(rs, p)
				}
			}
		}
	}
	c.rule = nil
	s.lists.Store(key, listEntry{c.options, idx})
	return idx
}

type listEntry struct {
	options map[string]map[string]any
	idx     map[string][]placedRule
}

// isSimple reports whether a statement has no body of its own.
func isSimple(s ast.Stmt) bool {
	switch s.(type) {
	case *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.ClassDef, *ast.For, *ast.AsyncFor,
		*ast.While, *ast.If, *ast.With, *ast.AsyncWith, *ast.Match, *ast.Try, *ast.TryStar:
		return false
	}
	return true
}

// headerEnd is where a compound statement's header ends: where its first
// body statement starts (an approximation good for suppression scopes).
func headerEnd(n ast.Node) int32 {
	var body []ast.Stmt
	switch s := n.(type) {
	case *ast.FunctionDef:
		body = s.Body
	case *ast.AsyncFunctionDef:
		body = s.Body
	case *ast.ClassDef:
		body = s.Body
	case *ast.For:
		body = s.Body
	case *ast.AsyncFor:
		body = s.Body
	case *ast.While:
		body = s.Body
	case *ast.If:
		body = s.Body
	case *ast.With:
		body = s.Body
	case *ast.AsyncWith:
		body = s.Body
	case *ast.Try:
		body = s.Body
	case *ast.TryStar:
		body = s.Body
	case *ast.Match:
		if len(s.Cases) > 0 {
			body = s.Cases[0].Body
		}
	}
	if len(body) > 0 {
		return body[0].Pos()
	}
	if l, ok := n.(ast.Located); ok {
		return l.End()
	}
	return 0
}

// inList reports whether s is one of list.
func inList(s string, list []string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
