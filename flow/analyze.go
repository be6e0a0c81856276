package flow

import (
	"bytes"
	"strings"
	"sync"

	"github.com/pyward/pyward/python/ast"
)

// Host is what the analysis needs from its caller: names resolved
// through the file's imports, and constant folding.
type Host interface {
	// QualName is the qualified name an expression spells after import
	// resolution ("subprocess.Popen" for P after `from subprocess import
	// Popen as P`), "" when it spells none.
	QualName(e ast.Expr) string
	// Fold is the constant string value of an expression, if it has one.
	Fold(e ast.Expr) (string, bool)
	// IsModule reports whether a qualified name is an imported module
	// (re in re.search): its attributes are functions, not methods.
	IsModule(q string) bool
}

// Step is one place on the path a value took, for reports and SARIF
// code flows.
type Step struct {
	Start, End int32
	Note       string
	// At places a step that is in another file of the scan (a helper
	// imported from it, see Program); nil in the file analysed. A
	// pointer keeps Step small: traces are copied at every assignment.
	At *Place
}

// Place is a step's file and span when it is in another file: its
// offsets mean nothing in the file a finding is reported in.
type Place struct {
	File                             string // as the scan reports that file's path
	Line, Column, EndLine, EndColumn int    // 1-based; columns count characters
}

// Event is a labelled value reaching a sink: the sink's family, the call
// (or assignment) that is the sink, its callee, the labels that reached
// it and the path they took (without the sink itself).
type Event struct {
	Family string
	Node   ast.Located
	Callee string
	Labels Labels
	Trace  []Step
	// Action is what a path sink does with the path ("opens", "writes").
	Action string
	// Via is set when the sink is in another file of the scan, reached
	// through a call of one of its functions (see Program): Node is
	// then the call in this file.
	Via *Via
}

// Options tune one analysis.
type Options struct {
	// Credentials labels string constants that name credentials files
	// (~/.ssh/id_rsa) as sensitive: worth it only in files that send data
	// out (see Model.Sends).
	Credentials bool
	// Program, when set, is the scan the file is part of: calls of
	// functions of its other modules are followed into them (see
	// Program). Path is the file's path as Program knows it.
	Program *Program
	Path    string
	// AllEntries summarises every function as an entry point, not only
	// those that can report (see entryPoints): the events are the same,
	// and tests check that they are.
	AllEntries bool
}

const maxTrace = 8

// val is what the analysis knows of a value: its labels, the families
// it was made safe for, and how it got its labels.
type val struct {
	l     Labels
	safe  Families
	trace []Step
	x     *extra // what else is known of the value, rarely anything
}

// extra is what few values carry, kept out of val to keep it small
// (environments copy vals at every branch).
type extra struct {
	cls *classInfo // an instance of the module's class
	fn  string     // a function held as a value: run = os.system
	k   *konst     // the value, when it is a literal the analysis follows
	// strs are the literal strings a value holds (names = ("A", "B")) or
	// is one of (a loop variable over them), for the models that read a
	// name: os.environ.get(name) in `for name in (...)`.
	strs *[]string
}

func (v val) cls() *classInfo {
	if v.x == nil {
		return nil
	}
	return v.x.cls
}

func (v val) fn() string {
	if v.x == nil {
		return ""
	}
	return v.x.fn
}

func (v val) konst() *konst {
	if v.x == nil {
		return nil
	}
	return v.x.k
}

// withExtra returns v with its extra changed by f (a copy: extras are
// shared between vals).
func (v val) withExtra(f func(*extra)) val {
	var e extra
	if v.x != nil {
		e = *v.x
	}
	f(&e)
	if e == (extra{}) {
		v.x = nil
	} else {
		v.x = &e
	}
	return v
}

func objVal(c *classInfo) val {
	// One extra per class: extras are never changed in place (see
	// withExtra), so every instance's value can share it.
	if c.obj == nil {
		c.obj = &extra{cls: c}
	}
	return val{x: c.obj}
}

func (v val) with(l Labels, s Step) val {
	if v.l&l == l {
		return v
	}
	t := append(append([]Step(nil), v.trace...), s)
	if len(t) > maxTrace {
		t = append(t[:2:2], t[len(t)-(maxTrace-2):]...)
	}
	return val{l: v.l | l, safe: v.safe, trace: t, x: v.x}
}

// join is the value that may be either (or both) of a and b: it carries
// both's labels and is safe only for the families both are safe for.
func join(a, b val) val {
	if a.l == 0 {
		if a.x != nil && b.x == nil {
			b.x = &extra{cls: a.x.cls, fn: a.x.fn}
		}
		return b
	}
	if b.l == 0 {
		if a.x == nil && b.x != nil {
			a.x = &extra{cls: b.x.cls, fn: b.x.fn}
		}
		return a
	}
	if b.l&^a.l == 0 && a.safe&^b.safe == 0 {
		return a
	}
	x := a.x
	if x == nil && b.x != nil {
		x = &extra{cls: b.x.cls, fn: b.x.fn}
	}
	return val{l: a.l | b.l, safe: a.safe & b.safe, trace: a.trace, x: x}
}

func step(n ast.Located, note string) Step { return Step{Start: n.Pos(), End: n.End(), Note: note} }

// Analyze follows values through a module and returns the labelled
// values that reach sinks, in the order they are found.
func Analyze(mod *ast.Module, h Host, m *Model, opt Options) []Event {
	if mod == nil {
		return nil
	}
	if m == nil {
		m = defaultModel
	}
	a := newAnalyzer(mod, h, m, opt)
	a.collect(mod.Body)
	a.web = a.importsWeb(mod.Body, 0)
	env := map[string]val{}
	a.globals = env
	a.block(mod.Body, env)
	a.finish()
	return a.events
}

func newAnalyzer(mod *ast.Module, h Host, m *Model, opt Options) *analyzer {
	return &analyzer{h: h, m: m, opt: opt, mod: mod, seen: map[eventKey]bool{},
		downloaded: map[string]Step{}, openedVars: map[string]string{},
		funcs: map[string]*funcDef{}, classes: map[string]*classInfo{}, sums: map[*funcDef]*summary{},
		collected: map[ast.Stmt]bool{}}
}

type eventKey struct {
	family string
	node   ast.Located
}

type analyzer struct {
	h         Host
	m         *Model
	opt       Options
	mod       *ast.Module
	events    []Event
	seen      map[eventKey]bool
	locals    map[string]bool  // names the module defines (see local)
	spareEnvs []map[string]val // see newEnv
	argStack  []val            // see call
	kwStack   []kwVal
	// Per function: the paths (folded text or variable names) a download
	// was written to; the variables holding files opened for writing, by
	// path; whether os.dup2 on a socket was reported; the variables that
	// hold a request object.
	downloaded map[string]Step
	openedVars map[string]string
	dup2Seen   bool
	reqVars    map[string]bool
	// The module's functions and classes, their summaries (see
	// summary.go), the summary being computed and its class, the
	// functions defined inside the current function, and the module's
	// top-level variables.
	funcs     map[string]*funcDef
	classes   map[string]*classInfo
	order     []*funcDef
	collected map[ast.Stmt]bool
	sums      map[*funcDef]*summary
	cur       *summary
	curClass  *classInfo
	scope     map[string]*funcDef
	globals   map[string]val
	depth     int
	nest      int  // statements and expressions being analysed (see maxNest)
	web       bool // the module imports a web framework (see isRequest)
	copiedLit bool // a credentials file was copied to a literal path (see copyFile)
}

func (a *analyzer) emit(family string, n ast.Located, callee string, v val, action string) {
	a.emitVia(family, n, callee, v, action, nil)
}

// emitVia is emit of a sink reached in another file (via), nil for one
// in this file.
func (a *analyzer) emitVia(family string, n ast.Located, callee string, v val, action string, via *Via) {
	k := eventKey{family, n}
	if a.seen[k] {
		return
	}
	a.seen[k] = true
	a.events = append(a.events, Event{Family: family, Node: n, Callee: callee, Labels: real(v.l),
		Trace: append([]Step(nil), v.trace...), Action: action, Via: via})
}

// local reports whether a bare name is defined in the module (a def, a
// class or an assignment at the top level), so that it is not the builtin
// of the same name: py_compile's own compile() is not the builtin.
func (a *analyzer) local(q string) bool {
	if strings.Contains(q, ".") {
		return false
	}
	if a.locals == nil {
		a.locals = map[string]bool{}
		for _, st := range a.mod.Body {
			switch s := st.(type) {
			case *ast.FunctionDef:
				a.locals[s.Name] = true
			case *ast.AsyncFunctionDef:
				a.locals[s.Name] = true
			case *ast.ClassDef:
				a.locals[s.Name] = true
			case *ast.Assign:
				for _, t := range s.Targets {
					if n, ok := t.(*ast.Name); ok {
						a.locals[n.ID] = true
					}
				}
			}
		}
	}
	return a.locals[q]
}

// Environments are copied at every branch and dropped once merged:
// newEnv reuses the maps dropped, so that each function of a file does
// not build its own (maps were a fifth of what the analysis allocated).
// A map is dropped only where nothing refers to it any more; the values
// in it are copied, never shared by reference to the map.
func (a *analyzer) newEnv() map[string]val {
	if n := len(a.spareEnvs); n > 0 {
		m := a.spareEnvs[n-1]
		a.spareEnvs = a.spareEnvs[:n-1]
		return m
	}
	return map[string]val{}
}

// dropEnv gives back an environment no longer used.
func (a *analyzer) dropEnv(m map[string]val) {
	if len(a.spareEnvs) < maxSpareEnvs {
		clear(m)
		a.spareEnvs = append(a.spareEnvs, m)
	}
}

const maxSpareEnvs = 32

func (a *analyzer) copyEnv(env map[string]val) map[string]val {
	out := a.newEnv()
	for k, v := range env {
		out[k] = v
	}
	return out
}

func mergeInto(dst, src map[string]val) {
	for k, v := range src {
		d, had := dst[k]
		j := join(d, v)
		if had && j.konst() != nil && (d.konst() == nil || v.konst() == nil || *d.konst() != *v.konst()) {
			j = j.withExtra(func(e *extra) { e.k = nil }) // different values on the two paths
		}
		dst[k] = j
	}
}

// loopEnv is the environment a loop's body starts with: a variable's
// literal value may change from one iteration to the next.
func (a *analyzer) loopEnv(env map[string]val) map[string]val {
	e := a.newEnv()
	for k, v := range env {
		if v.konst() != nil {
			v = v.withExtra(func(e *extra) { e.k = nil })
		}
		e[k] = v
	}
	return e
}

// block analyses statements in order, updating env.
func (a *analyzer) block(stmts []ast.Stmt, env map[string]val) {
	for _, st := range stmts {
		a.stmt(st, env)
	}
}

func (a *analyzer) stmt(st ast.Stmt, env map[string]val) {
	if a.nest >= maxNest {
		return // see maxNest
	}
	a.nest++
	a.stmtNode(st, env)
	a.nest--
}

func (a *analyzer) stmtNode(st ast.Stmt, env map[string]val) {
	switch s := st.(type) {
	case *ast.FunctionDef:
		a.nestedDef(s, s.Name, s.Args, s.Body, s.DecoratorList)
	case *ast.AsyncFunctionDef:
		a.nestedDef(s, s.Name, s.Args, s.Body, s.DecoratorList)
	case *ast.ClassDef:
		a.block(s.Body, map[string]val{})
	case *ast.Assign:
		v := a.eval(s.Value, env)
		if c, ok := a.constOf(s.Value, env, 0); ok && v.l == 0 {
			v = v.withExtra(func(e *extra) { e.k = &c })
		}
		if fn := a.fnValue(s.Value, env); fn != "" {
			v = v.withExtra(func(e *extra) { e.fn = fn }) // run = os.system
		}
		if ss := a.literalStrs(s.Value, env); ss != nil {
			v = v.withExtra(func(e *extra) { e.strs = ss })
		}
		for _, t := range s.Targets {
			if a.bindEach(t, s.Value, env) {
				continue
			}
			a.bind(t, v, env)
			a.noteOpened(t, s.Value)
		}
	case *ast.AnnAssign:
		if s.Value != nil {
			a.bind(s.Target, a.eval(s.Value, env), env)
		}
	case *ast.AugAssign:
		v := join(a.eval(s.Target, env), a.eval(s.Value, env))
		a.bind(s.Target, v, env)
	case *ast.ExprStmt:
		a.eval(s.Value, env)
	case *ast.Return:
		if s.Value != nil {
			a.recordReturn(a.eval(s.Value, env))
		}
	case *ast.If:
		a.eval(s.Test, env)
		if t, known := a.truth(s.Test, env); known {
			// The test's value is known: only one branch runs.
			if t {
				a.block(s.Body, env)
			} else {
				a.block(s.Orelse, env)
			}
			return
		}
		whenTrue, whenFalse := a.guards(s.Test)
		e2 := a.copyEnv(env)
		applyGuard(e2, whenFalse)
		// In a function the body runs in env itself, one copy fewer. At
		// the top level env is also the module's variables, which the
		// functions called from the body read: there the body runs in a
		// copy, so that they see the variables as they were before.
		e1 := env
		if a.cur == nil {
			e1 = a.copyEnv(env)
		}
		applyGuard(e1, whenTrue)
		a.block(s.Body, e1)
		a.block(s.Orelse, e2)
		x1, x2 := a.exits(s.Body), a.exits(s.Orelse)
		// A branch that returns, raises or aborts does not reach what
		// follows: `if "../" in name: return` leaves name checked.
		keep1, keep2 := !x1 || x2, !x2 || x1
		if !keep1 || a.cur == nil {
			clear(env)
		}
		if keep1 && a.cur == nil {
			mergeInto(env, e1)
			a.dropEnv(e1)
		}
		if keep2 {
			mergeInto(env, e2)
		}
		a.dropEnv(e2)
	case *ast.For:
		a.loop(s.Target, s.Iter, s.Body, s.Orelse, env)
	case *ast.AsyncFor:
		a.loop(s.Target, s.Iter, s.Body, s.Orelse, env)
	case *ast.While:
		e := a.loopEnv(env)
		a.eval(s.Test, e)
		a.block(s.Body, e)
		mergeInto(env, e)
		a.dropEnv(e)
		a.block(s.Orelse, env)
	case *ast.With:
		a.with(s.Items, s.Body, env)
	case *ast.AsyncWith:
		a.with(s.Items, s.Body, env)
	case *ast.Try:
		a.try(s.Body, s.Handlers, s.Orelse, s.Finalbody, env)
	case *ast.TryStar:
		a.try(s.Body, s.Handlers, s.Orelse, s.Finalbody, env)
	case *ast.Match:
		a.eval(s.Subject, env)
		out := a.copyEnv(env)
		for _, cs := range s.Cases {
			e := a.copyEnv(env)
			a.block(cs.Body, e)
			mergeInto(out, e)
			a.dropEnv(e)
		}
		for k, v := range out {
			env[k] = v
		}
		a.dropEnv(out)
	default:
		// Raise, Assert, Delete, Global...: evaluate the expressions in
		// them for sinks.
		ast.Inspect(st, func(n ast.Node) bool {
			if e, ok := n.(ast.Expr); ok {
				a.eval(e, env)
				return false
			}
			return true
		})
	}
}

func (a *analyzer) loop(target, iter ast.Expr, body, orelse []ast.Stmt, env map[string]val) {
	v := a.eval(iter, env)
	// One pass over the body: a second would see values carried from one
	// iteration to the next, at a cost exponential in the nesting depth.
	e := a.loopEnv(env)
	a.bind(target, a.eachOf(iter, v, env), e)
	a.block(body, e)
	mergeInto(env, e)
	a.dropEnv(e)
	a.block(orelse, env)
}

func (a *analyzer) with(items []*ast.WithItem, body []ast.Stmt, env map[string]val) {
	for _, it := range items {
		v := a.eval(it.ContextExpr, env)
		if it.OptionalVars != nil {
			a.bind(it.OptionalVars, v, env)
			a.noteOpened(it.OptionalVars, it.ContextExpr)
		}
	}
	a.block(body, env)
}

func (a *analyzer) try(body []ast.Stmt, handlers []*ast.ExceptHandler, orelse, final []ast.Stmt, env map[string]val) {
	a.block(body, env)
	out := a.copyEnv(env)
	for _, h := range handlers {
		e := a.copyEnv(env)
		a.block(h.Body, e)
		mergeInto(out, e)
		a.dropEnv(e)
	}
	a.block(orelse, out)
	a.block(final, out)
	for k, v := range out {
		env[k] = v
	}
	a.dropEnv(out)
}

// nestedDef records a def the module's collection did not see (inside a
// function, a loop...): it is summarised when called, or at the end.
func (a *analyzer) nestedDef(node ast.Stmt, name string, args *ast.Arguments, body []ast.Stmt, decorators []ast.Expr) {
	if a.collected[node] {
		return
	}
	if a.scope == nil {
		a.scope = map[string]*funcDef{}
	}
	a.scope[name] = a.addFunc(a.scope, node, name, args, body, decorators, nil)
}

// function analyses a function's body for its summary (see summarize).
func (a *analyzer) function(f *funcDef) {
	name, args, body, decorators := f.name, f.args, f.body, f.decorators
	saved, savedOpen, savedDup, savedReq := a.downloaded, a.openedVars, a.dup2Seen, a.reqVars
	a.downloaded, a.openedVars, a.dup2Seen, a.reqVars = map[string]Step{}, map[string]string{}, false, nil
	defer func() { a.downloaded, a.openedVars, a.dup2Seen, a.reqVars = saved, savedOpen, savedDup, savedReq }()
	env := a.newEnv()
	defer a.dropEnv(env)
	var params []*ast.Arg
	if args != nil {
		params = append(append(append([]*ast.Arg{}, args.Posonlyargs...), args.Args...), args.Kwonlyargs...)
	}
	route := a.routed(decorators)
	for _, p := range params {
		if a.requestTyped(p) {
			if a.reqVars == nil {
				a.reqVars = map[string]bool{}
			}
			a.reqVars[p.Arg] = true
			env[p.Arg] = val{l: ReqObj}
			continue
		}
		if route && !a.m.notParams[p.Arg] && !a.isDependency(p) {
			env[p.Arg] = val{}.with(User|Remote, step(p, "request parameter "+p.Arg))
		}
	}
	if a.lambdaHandler(name, params) {
		env["event"] = val{}.with(User|Remote, step(params[0], "the handler's event"))
	}
	// The other parameters are slots: what a caller passes.
	for i, p := range f.params {
		if i == 0 && f.bound() {
			env[p.Arg] = objVal(f.class)
			continue
		}
		if _, set := env[p.Arg]; set || a.reqVars[p.Arg] {
			continue
		}
		bit := a.cur.slot(slotInfo{param: i})
		env[p.Arg] = val{l: bit, trace: []Step{step(p, "parameter "+p.Arg+" of "+name)}}
	}
	a.block(body, env)
}

// routed reports whether a function's decorators make it a web route's
// handler (@app.route(...), @router.get(...)): its parameters are
// request data.
func (a *analyzer) routed(decorators []ast.Expr) bool {
	for _, d := range decorators {
		if call, ok := d.(*ast.Call); ok {
			q := a.h.QualName(call.Func)
			if i := strings.LastIndexByte(q, '.'); i >= 0 && inList(q[i+1:], a.m.routes) {
				return true
			}
		}
	}
	return false
}

// requestTyped reports whether a parameter is annotated with a request
// object's type.
func (a *analyzer) requestTyped(p *ast.Arg) bool {
	return p.Annotation != nil && a.m.reqTypes[a.h.QualName(p.Annotation)] || a.m.reqTypes[annotName(p.Annotation)]
}

// lambdaHandler reports whether a function's parameters are those of an
// AWS Lambda-style handler, whatever its configured name: its event is
// outside input.
func (a *analyzer) lambdaHandler(name string, params []*ast.Arg) bool {
	return len(params) >= 2 && params[0].Arg == "event" && params[1].Arg == "context" || a.m.handlers[name] && len(params) > 0 && params[0].Arg == "event"
}

func annotName(e ast.Expr) string {
	switch n := e.(type) {
	case *ast.Name:
		return n.ID
	case *ast.Attribute:
		if b := annotName(n.Value); b != "" {
			return b + "." + n.Attr
		}
	}
	return ""
}

// isDependency: a FastAPI parameter with a Depends(...) annotation is
// filled by the application (defaults are not kept on Arg).
func (a *analyzer) isDependency(p *ast.Arg) bool {
	if p.Annotation == nil {
		return false
	}
	found := false
	ast.Inspect(p.Annotation, func(n ast.Node) bool {
		if c, ok := n.(*ast.Call); ok {
			if id, ok := c.Func.(*ast.Name); ok && a.m.depMarkers[id.ID] {
				found = true
			}
		}
		return !found
	})
	return found
}

// bindEach assigns a tuple or list of values to a tuple or list of
// targets of the same length element by element: a, b = "z", x.
func (a *analyzer) bindEach(t, value ast.Expr, env map[string]val) bool {
	var ts, vs []ast.Expr
	switch t := t.(type) {
	case *ast.Tuple:
		ts = t.Elts
	case *ast.List:
		ts = t.Elts
	default:
		return false
	}
	switch v := value.(type) {
	case *ast.Tuple:
		vs = v.Elts
	case *ast.List:
		vs = v.Elts
	default:
		return false
	}
	if len(ts) != len(vs) {
		return false
	}
	for _, x := range append(ts, vs...) {
		if _, star := x.(*ast.Starred); star {
			return false
		}
	}
	// Evaluate every value before binding (a, b = b, a).
	vals := make([]val, len(vs))
	for i, x := range vs {
		vals[i] = a.eval(x, env)
	}
	for i, x := range ts {
		a.bind(x, vals[i], env)
	}
	return true
}

// bind assigns v to a target.
func (a *analyzer) bind(t ast.Expr, v val, env map[string]val) {
	switch t := t.(type) {
	case *ast.Name:
		// (A value that only carries parameters' slots gets no step: most
		// values in a function do, and the path keeps the parameter.)
		if real(v.l) != 0 {
			v.trace = append(v.trace[:len(v.trace):len(v.trace)], step(t, "assigned to "+t.ID))
			if len(v.trace) > maxTrace {
				v.trace = append(v.trace[:2:2], v.trace[len(v.trace)-(maxTrace-2):]...)
			}
		}
		env[t.ID] = v
	case *ast.Tuple:
		for _, e := range t.Elts {
			a.bind(e, v, env)
		}
	case *ast.List:
		for _, e := range t.Elts {
			a.bind(e, v, env)
		}
	case *ast.Starred:
		a.bind(t.Value, v, env)
	case *ast.Attribute:
		if k := attrKey(t); k != "" {
			env[k] = v
		}
		a.setSelfAttr(t, v)
		a.eval(t.Value, env)
	case *ast.Subscript:
		a.eval(t.Slice, env)
		if v.l != 0 {
			a.itemSink(t, v)
			// The container now holds the value.
			if n, ok := t.Value.(*ast.Name); ok {
				env[n.ID] = join(env[n.ID], v)
			} else if at, ok := t.Value.(*ast.Attribute); ok {
				if k := attrKey(at); k != "" {
					env[k] = join(env[k], v)
				}
			}
		}
		a.eval(t.Value, env)
	}
}

// itemSink reports `session[k] = v` and `resp.headers[k] = v`.
func (a *analyzer) itemSink(t *ast.Subscript, v val) {
	var fams Families
	if at, ok := t.Value.(*ast.Attribute); ok && !(at.Attr == "headers" && a.isRequest(at.Value)) {
		// (request.headers[k] = v changes the request, not a response;
		// request.session[k] = v is the session.)
		fams |= a.m.itemAttrs[at.Attr]
	}
	q := a.h.QualName(t.Value)
	fams |= a.m.itemNames[q]
	for i, f := range familyTable {
		if fams&(1<<i) != 0 && v.safe&(1<<i) == 0 {
			a.sinkSlots(f, t, q, v, "")
			if real(v.l) != 0 {
				a.emit(f, t, q, v, "")
			}
		}
	}
}

// attrKey names self.x-style attributes so that values stored on them
// within a function are followed.
func attrKey(t *ast.Attribute) string {
	if n, ok := t.Value.(*ast.Name); ok {
		return n.ID + "." + t.Attr
	}
	return ""
}

// sensitivePath reports whether a string names a credentials file. It is
// called for every string constant, so it avoids regular expressions and
// allocation.
func sensitivePath(s string) bool {
	if len(s) < 5 || len(s) > 300 || !strings.ContainsAny(s, "./") && !strings.Contains(s, " ") {
		return false
	}
	// Lower-case s once (ASCII only, as the needles are) and look at each
	// place only the needles that start with its two bytes: a folding
	// search per needle was the analysis's costliest line.
	var buf [300]byte
	low := buf[:len(s)]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	ix := needles()
	for i := 0; i+1 < len(low); i++ {
		k := uint16(low[i])<<8 | uint16(low[i+1])
		if !ix.pairs[k] {
			continue
		}
		for _, n := range ix.byPair[k] {
			if bytes.HasPrefix(low[i:], n) {
				return true
			}
		}
	}
	return false
}

// needleIndex is sensitiveNeedles by their first two bytes.
type needleIndex struct {
	pairs  [1 << 16]bool
	byPair map[uint16][][]byte
}

// needles builds the index once, after the package's init functions
// have completed sensitiveNeedles.
var needles = sync.OnceValue(func() *needleIndex {
	ix := &needleIndex{byPair: map[uint16][][]byte{}}
	for _, n := range sensitiveNeedles {
		k := uint16(n[0])<<8 | uint16(n[1]) // every needle is longer than 2 bytes
		ix.pairs[k] = true
		ix.byPair[k] = append(ix.byPair[k], []byte(n))
	}
	return ix
})

// lastName is the last identifier of a name or attribute chain.
func lastName(e ast.Expr) string {
	switch n := e.(type) {
	case *ast.Name:
		return n.ID
	case *ast.Attribute:
		return n.Attr
	}
	return ""
}

// isRequest reports whether e holds a web request object.
// Short names (req) count only in files that import a web framework:
// urllib's req is the request being sent.
func (a *analyzer) isRequest(e ast.Expr) bool {
	switch n := e.(type) {
	case *ast.Name:
		return a.reqVars[n.ID] || a.reqName(n.ID)
	case *ast.Attribute:
		// self.request (Tornado, class-based views)
		if b, ok := n.Value.(*ast.Name); ok && b.ID == "self" {
			return a.reqName(n.Attr)
		}
	}
	return false
}

// reqName reports whether a variable name holds a request object: the
// model's names, and in a web application's files its short ones (req).
func (a *analyzer) reqName(n string) bool {
	return a.m.reqNames[n] || a.web && a.m.webReqNames[n]
}

// importsWeb reports whether the module imports a web framework.
func (a *analyzer) importsWeb(body []ast.Stmt, depth int) bool {
	if depth > 4 {
		return false
	}
	for _, st := range body {
		var names []string
		switch s := st.(type) {
		case *ast.Import:
			for _, n := range s.Names {
				names = append(names, n.Name)
			}
		case *ast.ImportFrom:
			if s.Module != nil {
				names = append(names, *s.Module)
			}
		case *ast.Try:
			if a.importsWeb(s.Body, depth+1) {
				return true
			}
		case *ast.If:
			if a.importsWeb(s.Body, depth+1) || a.importsWeb(s.Orelse, depth+1) {
				return true
			}
		}
		for _, n := range names {
			for _, w := range a.m.web {
				if n == w || strings.HasPrefix(n, w+".") {
					return true
				}
			}
		}
	}
	return false
}

// maxNest bounds the statements and expressions being analysed at once,
// counted across nested summaries: each summary can nest an expression
// as deep as the parser allows (4000 levels), and maxDepth summaries
// nested that deep would need more than Go's 1 GB stack. Past the bound
// a value is unknown (no labels), and calls are not summarised past half
// of it (see summarize), so a callee is summarised whole from a
// shallower place instead of cut short.
const maxNest = 16000

// eval computes an expression's labels and checks the sinks in it.
func (a *analyzer) eval(e ast.Expr, env map[string]val) val {
	if a.nest >= maxNest {
		return val{}
	}
	a.nest++
	v := a.evalNode(e, env)
	a.nest--
	return v
}

// binOp evaluates a chain of binary operations left to right without
// recursing down its left side: a + 1 + 1 + ... is a tree as deep as the
// chain is long.
func (a *analyzer) binOp(n *ast.BinOp, env map[string]val) val {
	var spine []*ast.BinOp
	var e ast.Expr = n
	for {
		b, ok := e.(*ast.BinOp)
		if !ok {
			break
		}
		spine = append(spine, b)
		e = b.Left
	}
	v := a.eval(e, env)
	for i := len(spine) - 1; i >= 0; i-- {
		v = join(v, a.eval(spine[i].Right, env))
	}
	return v
}

func (a *analyzer) evalNode(e ast.Expr, env map[string]val) val {
	switch n := e.(type) {
	case nil:
		return val{}
	case *ast.Name:
		if v, ok := env[n.ID]; ok {
			return v
		}
		if v, ok := a.globals[n.ID]; ok && a.cur != nil {
			return v // a module variable read in a function
		}
		if a.reqName(n.ID) {
			return val{l: ReqObj}
		}
		return val{}
	case *ast.Constant:
		// Credentials paths matter only where something is sent out.
		if a.opt.Credentials && n.Kind == ast.ConstStr && sensitivePath(n.Str) {
			return val{}.with(Sensitive, step(n, "credentials path"))
		}
		if a.copiedLit && n.Kind == ast.ConstStr {
			return env["'"+n.Str+"'"] // where a credentials file was copied
		}
		return val{}
	case *ast.Attribute:
		if k := attrKey(n); k != "" {
			if v, ok := env[k]; ok {
				return v
			}
		}
		if v, ok := a.selfAttr(n); ok {
			return v
		}
		if s, ok := a.attrSource(n); ok {
			return val{}.with(s.labels, step(n, s.note))
		}
		v := a.eval(n.Value, env)
		if (v.l&ReqObj != 0 || a.isRequest(n.Value)) && a.m.reqAttrs[n.Attr] {
			return val{}.with(User|Remote, step(n, lastName(n.Value)+"."+n.Attr))
		}
		v.l &^= EnvAll | ReqObj
		return v
	case *ast.Subscript:
		if at, ok := n.Value.(*ast.Attribute); ok && at.Attr == "argv" {
			if k, ok := intConst(n.Slice); ok && k == 0 && programNames[a.h.QualName(at)] {
				return val{} // the program's own path, not its user's input
			}
		}
		v := a.eval(n.Value, env)
		a.eval(n.Slice, env)
		if v.l&EnvAll != 0 {
			v = a.secretEnv(n.Slice, v, env)
		}
		v.l &^= EnvAll // one variable, not the whole environment
		return v
	case *ast.BinOp:
		if _, ok := n.Left.(*ast.BinOp); ok {
			return a.binOp(n, env)
		}
		return join(a.eval(n.Left, env), a.eval(n.Right, env))
	case *ast.BoolOp:
		return a.evalAll(n.Values, env)
	case *ast.IfExp:
		a.eval(n.Test, env)
		return join(a.eval(n.Body, env), a.eval(n.Orelse, env))
	case *ast.JoinedStr:
		return a.evalAll(n.Values, env)
	case *ast.FormattedValue:
		a.eval(n.FormatSpec, env)
		return a.eval(n.Value, env)
	case *ast.List:
		return a.evalAll(n.Elts, env)
	case *ast.Tuple:
		return a.evalAll(n.Elts, env)
	case *ast.Set:
		return a.evalAll(n.Elts, env)
	case *ast.Dict:
		v := a.evalAll(n.Values, env)
		for _, k := range n.Keys {
			if k != nil {
				v = join(v, a.eval(k, env))
			}
		}
		return v
	case *ast.Starred:
		return a.eval(n.Value, env)
	case *ast.Await:
		return a.eval(n.Value, env)
	case *ast.NamedExpr:
		v := a.eval(n.Value, env)
		a.bind(n.Target, v, env)
		return v
	case *ast.UnaryOp:
		if n.Op == ast.Not {
			a.eval(n.Operand, env)
			return val{}
		}
		return a.eval(n.Operand, env)
	case *ast.Compare:
		a.eval(n.Left, env)
		a.evalAll(n.Comparators, env)
		return val{}
	case *ast.ListComp:
		return a.comprehension(n.Elt, nil, n.Generators, env)
	case *ast.SetComp:
		return a.comprehension(n.Elt, nil, n.Generators, env)
	case *ast.GeneratorExp:
		return a.comprehension(n.Elt, nil, n.Generators, env)
	case *ast.DictComp:
		return a.comprehension(n.Key, n.Value, n.Generators, env)
	case *ast.Call:
		return a.call(n, env)
	case *ast.Lambda:
		return val{}
	case *ast.Slice:
		a.eval(n.Lower, env)
		a.eval(n.Upper, env)
		a.eval(n.Step, env)
		return val{}
	}
	return val{}
}

// attrSource looks an attribute read up in the sources. The qualified
// name is computed only for the attributes a source could be.
func (a *analyzer) attrSource(n *ast.Attribute) (source, bool) {
	if !a.m.attrLast[n.Attr] && !a.m.prefixLast[lastName(n.Value)] {
		return source{}, false
	}
	q := a.h.QualName(n)
	if q == "" || q[0] == '.' {
		return source{}, false
	}
	if s, ok := a.m.attrSources.exact[q]; ok {
		return s, true
	}
	for _, p := range a.m.attrSources.prefix {
		if strings.HasPrefix(q, p.prefix) {
			s := p.v
			// flask.request.args reads as request.args
			s.note = q[strings.IndexByte(q, '.')+1:]
			return s, true
		}
	}
	return source{}, false
}

func (a *analyzer) evalAll(es []ast.Expr, env map[string]val) val {
	var v val
	for _, x := range es {
		v = join(v, a.eval(x, env))
	}
	return v
}

func (a *analyzer) comprehension(elt, value ast.Expr, gens []*ast.Comprehension, env map[string]val) val {
	e := a.copyEnv(env)
	for _, g := range gens {
		a.bind(g.Target, a.eachOf(g.Iter, a.eval(g.Iter, e), e), e)
		a.evalAll(g.Ifs, e)
	}
	v := a.eval(elt, e)
	if value != nil {
		v = join(v, a.eval(value, e))
	}
	a.dropEnv(e)
	return v
}

func inList(s string, list []string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
