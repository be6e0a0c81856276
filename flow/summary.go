package flow

import (
	"sort"

	"github.com/pyward/pyward/python/ast"
)

// Interprocedural analysis. Each function of the module (methods
// included) is analysed once, the first time it is called or, if it is
// never called, after the module's top level, into a summary: what its
// parameters (and, for a method, the attributes of self it reads) reach
// — its return value, sinks, attributes of self it sets — and what it
// returns and reaches on its own. A parameter is followed as a slot
// label, a bit of Labels above the real labels; a call maps each slot to
// the argument passed and so sees through any depth of helpers. A
// function whose summary is being computed (recursion, a cycle) looks to
// its callers as if it returned nothing: cycles end and no summary is
// computed twice.
//
// Attributes of self are followed per class, not per object: what any
// method or caller stores in self.x is what every method reads from it.
// A read of self.x that only a later call fills is resolved when the
// module is done (see finish).

const (
	maxDepth = 256 // nested summaries being computed at once
	maxSinks = 64  // sinks one summary follows parameters into
	slotBase = 44  // labelTable has at most this many labels
	maxSlots = 64 - slotBase
	slotMask = ^Labels(0) &^ (1<<slotBase - 1)
)

func slotBit(i int) Labels {
	if i >= maxSlots {
		i = maxSlots - 1 // parameters beyond the last slot share it
	}
	return 1 << (slotBase + i)
}

// real is the labels of v without slots.
func real(l Labels) Labels { return l &^ slotMask }

type slotInfo struct {
	param int    // index into the function's parameter list, or -1
	attr  string // for an attribute of self read by the function
}

// funcDef is one function or method of the module.
type funcDef struct {
	name       string
	args       *ast.Arguments
	body       []ast.Stmt
	decorators []ast.Expr
	class      *classInfo // the class of a method
	static     bool       // @staticmethod: no self
	params     []*ast.Arg // positional and keyword parameters, in order, then *args and **kwargs
	npos       int        // how many of params are positional
	vararg     int        // index of *args in params, or -1
	kwarg      int        // index of **kwargs in params, or -1
	node       ast.Stmt
	calls      []*funcDef // the module's functions it calls, once found (see callees)
	callsFound bool
}

type classInfo struct {
	name    string
	methods map[string]*funcDef
	bases   []string
	// fields are the labels stored in each attribute of self by any
	// method or caller; attrSinks the sinks each attribute reaches in
	// methods that read it.
	fields    map[string]val
	attrSinks map[string][]sinkEntry
	obj       *extra // what its instances' values carry (see objVal)
}

// method finds a method in the class or its bases of the module.
func (a *analyzer) method(c *classInfo, name string, depth int) *funcDef {
	if c == nil || depth > 8 {
		return nil
	}
	if f := c.methods[name]; f != nil {
		return f
	}
	for _, b := range c.bases {
		if f := a.method(a.classes[b], name, depth+1); f != nil {
			return f
		}
	}
	return nil
}

type sinkEntry struct {
	family, callee, action string
	node                   ast.Located
	v                      val
	via                    *Via // the sink is in another file (see Program)
}

type summary struct {
	ret      val
	retTrace map[Labels][]Step // the path from each slot to the return value
	sinks    []sinkEntry
	attrSets map[string]val
	slots    []slotInfo
}

func (s *summary) slot(info slotInfo) Labels {
	for i, x := range s.slots {
		if x == info {
			return slotBit(i)
		}
	}
	s.slots = append(s.slots, info)
	return slotBit(len(s.slots) - 1)
}

// collect records the module's functions and classes.
func (a *analyzer) collect(body []ast.Stmt) {
	for _, st := range body {
		switch s := st.(type) {
		case *ast.FunctionDef:
			a.addFunc(a.funcs, s, s.Name, s.Args, s.Body, s.DecoratorList, nil)
		case *ast.AsyncFunctionDef:
			a.addFunc(a.funcs, s, s.Name, s.Args, s.Body, s.DecoratorList, nil)
		case *ast.ClassDef:
			c := &classInfo{name: s.Name, methods: map[string]*funcDef{}, fields: map[string]val{}, attrSinks: map[string][]sinkEntry{}}
			for _, b := range s.Bases {
				if n, ok := b.(*ast.Name); ok {
					c.bases = append(c.bases, n.ID)
				}
			}
			a.classes[s.Name] = c
			for _, m := range s.Body {
				switch f := m.(type) {
				case *ast.FunctionDef:
					a.addFunc(c.methods, f, f.Name, f.Args, f.Body, f.DecoratorList, c)
				case *ast.AsyncFunctionDef:
					a.addFunc(c.methods, f, f.Name, f.Args, f.Body, f.DecoratorList, c)
				}
			}
		case *ast.If:
			a.collect(s.Body)
			a.collect(s.Orelse)
		case *ast.Try:
			a.collect(s.Body)
			a.collect(s.Orelse)
		}
	}
}

func (a *analyzer) addFunc(into map[string]*funcDef, node ast.Stmt, name string, args *ast.Arguments, body []ast.Stmt, decos []ast.Expr, c *classInfo) *funcDef {
	a.collected[node] = true
	f := &funcDef{name: name, args: args, body: body, decorators: decos, class: c, node: node, vararg: -1, kwarg: -1}
	for _, d := range decos {
		if n, ok := d.(*ast.Name); ok && n.ID == "staticmethod" {
			f.static = true
		}
	}
	if args != nil {
		f.params = append(append([]*ast.Arg{}, args.Posonlyargs...), args.Args...)
		f.npos = len(f.params)
		f.params = append(f.params, args.Kwonlyargs...)
		if args.Vararg != nil {
			f.vararg = len(f.params)
			f.params = append(f.params, args.Vararg)
		}
		if args.Kwarg != nil {
			f.kwarg = len(f.params)
			f.params = append(f.params, args.Kwarg)
		}
	}
	if _, dup := into[name]; !dup || c == nil {
		// A later def of the same name replaces a function (the last one
		// is what callers call), a method keeps its first definition.
		into[name] = f
	}
	a.order = append(a.order, f)
	return f
}

// bound reports whether a method's first parameter is self or cls.
func (f *funcDef) bound() bool { return f.class != nil && !f.static && len(f.params) > 0 }

// summarize computes f's summary, once.
func (a *analyzer) summarize(f *funcDef) *summary {
	if s := a.sums[f]; s != nil {
		return s // done, or in progress (recursion): what is known so far
	}
	if a.depth >= maxDepth || a.nest >= maxNest/2 {
		// A call chain this deep is summarised from its other end, by
		// finish; here the callee looks like it does nothing.
		return &summary{}
	}
	s := &summary{}
	a.sums[f] = s
	savedSum, savedClass, savedScope := a.cur, a.curClass, a.scope
	a.cur, a.curClass, a.scope = s, f.class, nil
	a.depth++
	defer func() { a.cur, a.curClass, a.scope = savedSum, savedClass, savedScope; a.depth-- }()
	a.function(f)
	return s
}

// finish analyses the functions nothing called and resolves the
// attributes of self that callers filled after a method read them.
func (a *analyzer) finish() {
	// Functions first: they are the entry points (request handlers,
	// commands), and the methods they call are summarised with what
	// their objects hold.
	// Callees before callers (a post-order walk of the calls between
	// the module's functions), so that a long chain is summarised from
	// its end, each summary one call deep, and maxDepth is not reached.
	// Functions come before methods: they are the entry points, and the
	// methods they call are summarised with what their objects hold.
	n := len(a.order)
	keep, update := a.entryPoints()
	for _, f := range a.postOrder(false, keep) {
		a.summarize(f)
	}
	update()
	for grew := true; grew; grew = update() {
		// Methods that read what the summaries labelled are entry
		// points too: until no more do (see entryPoints).
		for _, f := range a.postOrder(true, keep) {
			a.summarize(f)
		}
	}
	for i := range a.order {
		if i >= n || keep == nil || keep[a.order[i]] { // and the defs found while summarising
			a.summarize(a.order[i])
		}
	}
	for _, c := range a.classes {
		for attr, entries := range c.attrSinks {
			f := c.fields[attr]
			if real(f.l) == 0 {
				continue
			}
			for _, e := range entries {
				if (f.safe|e.v.safe)&Family(e.family) != 0 {
					continue
				}
				a.emit(e.family, e.node, e.callee, val{l: real(f.l), trace: joinTrace(f.trace, e.v.trace)}, e.action)
			}
		}
	}
}

// postOrder lists the module's functions (or methods), each after the
// functions it calls by name, without recursion (chains can be long).
// With roots, only those are started from (see entryPoints).
func (a *analyzer) postOrder(methods bool, roots map[*funcDef]bool) []*funcDef {
	seen := map[*funcDef]bool{}
	var out []*funcDef
	type frame struct {
		f    *funcDef
		next []*funcDef
	}
	for _, root := range a.order {
		if (root.class != nil) != methods || seen[root] || roots != nil && !roots[root] {
			continue
		}
		seen[root] = true
		stack := []frame{{root, a.callees(root)}}
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			if len(top.next) == 0 {
				out = append(out, top.f)
				stack = stack[:len(stack)-1]
				continue
			}
			g := top.next[0]
			top.next = top.next[1:]
			if !seen[g] {
				seen[g] = true
				stack = append(stack, frame{g, a.callees(g)})
			}
		}
	}
	return out
}

// callees are the module's functions f calls by name (and the methods
// of its class it calls on self).
func (a *analyzer) callees(f *funcDef) []*funcDef {
	// Found once: both orders (functions, then methods) ask, and the
	// module's functions and classes are all known before either.
	if f.callsFound {
		return f.calls
	}
	f.calls, f.callsFound = a.findCallees(f), true
	return f.calls
}

func (a *analyzer) findCallees(f *funcDef) []*funcDef {
	var out []*funcDef
	visit := func(c *ast.Call) {
		switch fn := c.Func.(type) {
		case *ast.Name:
			if g := a.funcs[fn.ID]; g != nil {
				out = append(out, g)
			}
		case *ast.Attribute:
			if b, ok := fn.Value.(*ast.Name); ok && b.ID == "self" && f.class != nil {
				if g := a.method(f.class, fn.Attr, 0); g != nil {
					out = append(out, g)
				}
			}
		}
	}
	if len(f.body) == 0 {
		return nil
	}
	if l, ok := a.h.(CallLister); ok {
		if calls, ok := l.Calls(); ok {
			// The body's calls are one stretch of the module's, found by
			// its first statement's start and its last one's end (see
			// CallLister): no walk of the body.
			for _, c := range BodyCalls(calls, f.body) {
				visit(c)
			}
			return out
		}
	}
	for _, st := range f.body {
		ast.Inspect(st, func(n ast.Node) bool {
			if c, ok := n.(*ast.Call); ok {
				visit(c)
			}
			return true
		})
	}
	return out
}

// BodyCalls is the stretch of calls (a module's, as CallLister lists
// them) that lies in body: from where its first statement starts (its
// first decorator, for a decorated definition: CPython places a def at
// the word def) to where its last one ends.
func BodyCalls(calls []*ast.Call, body []ast.Stmt) []*ast.Call {
	return stretch(calls, body)
}

// BodyRefs is BodyCalls for the names, attributes and strings a
// RefLister lists.
func BodyRefs(refs []ast.Expr, body []ast.Stmt) []ast.Expr {
	return stretch(refs, body)
}

// stretch is the part of a list of nodes in a whole-tree walk's order
// that lies in body (see BodyCalls).
func stretch[T ast.Located](nodes []T, body []ast.Stmt) []T {
	i, j := stretchRange(nodes, body)
	return nodes[i:j]
}

// stretchRange is stretch as indexes into nodes.
func stretchRange[T ast.Located](nodes []T, body []ast.Stmt) (i, j int) {
	if len(body) == 0 {
		return 0, 0
	}
	lo, hi := body[0].Pos(), body[len(body)-1].End()
	var decorators []ast.Expr
	switch d := body[0].(type) {
	case *ast.FunctionDef:
		decorators = d.DecoratorList
	case *ast.AsyncFunctionDef:
		decorators = d.DecoratorList
	case *ast.ClassDef:
		decorators = d.DecoratorList
	}
	if len(decorators) > 0 {
		lo = min(lo, decorators[0].Pos())
	}
	i = sort.Search(len(nodes), func(i int) bool { return nodes[i].Pos() >= lo })
	j = sort.Search(len(nodes), func(j int) bool { return nodes[j].Pos() >= hi })
	return i, max(i, j)
}

// CallLister is a Host that knows every call of the module, in the order
// of a walk of the whole tree (ast.Inspect): the analysis then finds the
// calls of a function's body without walking it (walking them again was
// a seventh of the analysis's time on the standard library).
// The calls of a run of statements are a stretch of that list: every
// node a walk meets before a statement starts before it, and every node
// after it starts at its end or later, since the only nodes that hold
// statements (blocks, definitions) list their fields in source order. ok
// is false when the list is not complete.
type CallLister interface {
	Calls() (calls []*ast.Call, ok bool)
}

// RefLister is a Host that also knows every name, attribute and string
// constant of the module, in the same order as CallLister's calls: entryPoints reads a
// function's in their stretch.
type RefLister interface {
	Refs() (refs []ast.Expr, ok bool)
}

// joinTrace is the path through a call: the argument's, then the
// callee's from its parameter on. A long path keeps its start (the
// source) and its end (the sink).
func joinTrace(outer, inner []Step) []Step {
	t := append(append([]Step(nil), outer...), inner...)
	if len(t) > maxTrace {
		t = append(t[:2:2], t[len(t)-(maxTrace-2):]...)
	}
	return t
}

// sinkSlots records, while a summary is computed, the slots of a value
// reaching a sink: a call will report them with its arguments.
func (a *analyzer) sinkSlots(family string, n ast.Located, callee string, v val, action string) {
	a.sinkSlotsVia(family, n, callee, v, action, nil)
}

// sinkSlotsVia is sinkSlots of a sink in another file (via), reached
// through the call n.
func (a *analyzer) sinkSlotsVia(family string, n ast.Located, callee string, v val, action string, via *Via) {
	if a.cur == nil || v.l&slotMask == 0 {
		return
	}
	e := sinkEntry{family: family, callee: callee, action: action, node: n, v: v, via: via}
	for i, x := range a.cur.sinks {
		if x.family == family && x.node == n {
			a.cur.sinks[i].v.l |= v.l & slotMask
			return
		}
	}
	if len(a.cur.sinks) >= maxSinks {
		return
	}
	a.cur.sinks = append(a.cur.sinks, e)
	if a.curClass != nil {
		for i, info := range a.cur.slots {
			if info.attr != "" && v.l&slotBit(i) != 0 {
				a.curClass.attrSinks[info.attr] = append(a.curClass.attrSinks[info.attr], e)
			}
		}
	}
}

// selfAttr is the value of self.x read in a method: what is stored in
// it so far, and a slot for what callers will store.
func (a *analyzer) selfAttr(n *ast.Attribute) (val, bool) {
	b, ok := n.Value.(*ast.Name)
	if !ok || a.curClass == nil || a.cur == nil || (b.ID != "self" && b.ID != "cls") {
		return val{}, false
	}
	v := a.curClass.fields[n.Attr]
	bit := a.cur.slot(slotInfo{param: -1, attr: n.Attr})
	j := join(v, val{l: bit, trace: []Step{step(n, "self."+n.Attr)}})
	if v.l != 0 {
		j.safe = v.safe // what later callers store is judged when they do (see finish)
	}
	return j, true
}

// setSelfAttr records self.x = v in a method.
func (a *analyzer) setSelfAttr(t *ast.Attribute, v val) {
	b, ok := t.Value.(*ast.Name)
	if !ok || a.curClass == nil || b.ID != "self" && b.ID != "cls" {
		return
	}
	if r := real(v.l); r != 0 {
		f := a.curClass.fields[t.Attr]
		a.curClass.fields[t.Attr] = join(f, val{l: r, safe: v.safe, trace: v.trace})
	}
	if v.l&slotMask != 0 && a.cur != nil {
		if a.cur.attrSets == nil {
			a.cur.attrSets = map[string]val{}
		}
		a.cur.attrSets[t.Attr] = join(a.cur.attrSets[t.Attr], v)
	}
}

// resolve finds the module's function a call calls, and the class of
// the object the method is called on (nil for a plain function). ctor
// is the class a constructor call builds.
func (a *analyzer) resolve(call *ast.Call, recv val) (f *funcDef, self bool, ctor *classInfo) {
	switch fn := call.Func.(type) {
	case *ast.Name:
		if f := a.scope[fn.ID]; f != nil {
			return f, false, nil
		}
		if a.h.QualName(fn) != fn.ID {
			return nil, false, nil // an imported name
		}
		if f := a.funcs[fn.ID]; f != nil {
			return f, false, nil
		}
		if c := a.classes[fn.ID]; c != nil {
			return a.method(c, "__init__", 0), true, c
		}
	case *ast.Attribute:
		if b, ok := fn.Value.(*ast.Name); ok {
			if (b.ID == "self" || b.ID == "cls") && a.curClass != nil {
				if f := a.method(a.curClass, fn.Attr, 0); f != nil {
					return f, true, nil
				}
			}
			if c := a.classes[b.ID]; c != nil && a.h.QualName(b) == b.ID {
				f := a.method(c, fn.Attr, 0)
				if f != nil && isClassMethod(f) {
					return f, true, nil
				}
				return f, false, nil
			}
		}
		if recv.cls() != nil {
			return a.method(recv.cls(), fn.Attr, 0), true, nil
		}
	}
	return nil, false, nil
}

func isClassMethod(f *funcDef) bool {
	for _, d := range f.decorators {
		if n, ok := d.(*ast.Name); ok && n.ID == "classmethod" {
			return true
		}
	}
	return false
}

// apply is a call of the module's own function: its summary with the
// call's arguments in place of the slots.
func (a *analyzer) apply(f *funcDef, c *callSite, self bool, ctor *classInfo) val {
	s := a.summarize(f)
	offset := 0
	if self && f.bound() {
		offset = 1
	}
	argOf := func(bit Labels) val {
		for i, info := range s.slots {
			if slotBit(i) != bit {
				continue
			}
			if info.attr != "" {
				if f.class != nil {
					return f.class.fields[info.attr]
				}
				return val{}
			}
			return a.argFor(f, c, info.param-offset, info.param)
		}
		return val{}
	}
	// Sinks the parameters reach.
	a.applySinks(s.sinks, argOf, nil)
	// Attributes of self the parameters set.
	cls := f.class
	if ctor != nil {
		cls = ctor
	}
	if cls != nil {
		for attr, sv := range s.attrSets {
			for bit := Labels(1) << slotBase; bit != 0; bit <<= 1 {
				if sv.l&bit != 0 {
					if av := argOf(bit); av.l != 0 {
						if r := real(av.l); r != 0 {
							cls.fields[attr] = join(cls.fields[attr], val{l: r, safe: av.safe | sv.safe, trace: av.trace})
						}
					}
				}
			}
		}
	}
	if ctor != nil {
		return objVal(ctor)
	}
	return returnOf(s.ret, s.retTrace, argOf, true)
}

// returnOf maps a summary's return value to a call: what the function
// returns of its own, and for each slot it returns, what the call passes
// there. A function of another file hands back no object of that file
// (keepObjects false).
func returnOf(ret val, retTrace map[Labels][]Step, argOf func(Labels) val, keepObjects bool) val {
	out := val{l: real(ret.l), safe: ret.safe, trace: ret.trace}
	if keepObjects {
		out.x = ret.x
	}
	if out.l == 0 {
		out.trace = nil
	}
	for bit := Labels(1) << slotBase; bit != 0; bit <<= 1 {
		if ret.l&bit == 0 {
			continue
		}
		av := argOf(bit)
		if av.l == 0 {
			continue
		}
		av.trace = joinTrace(av.trace, retTrace[bit])
		av.safe |= ret.safe
		if !keepObjects {
			av.x = nil
		}
		out = join(out, av)
	}
	return out
}

// applySinks maps the slots of a summary's sinks to what a call passes
// (argOf) and reports each sink a labelled argument reaches: at the sink
// itself, or at the call when at is set (a sink in another file).
func (a *analyzer) applySinks(sinks []sinkEntry, argOf func(Labels) val, at ast.Located) {
	for _, e := range sinks {
		fam := Family(e.family)
		node := e.node
		if at != nil {
			node = at
		}
		for bit := Labels(1) << slotBase; bit != 0; bit <<= 1 {
			if e.v.l&bit == 0 {
				continue
			}
			av := argOf(bit)
			if av.l == 0 || (av.safe|e.v.safe)&fam != 0 {
				continue
			}
			v := val{l: av.l, safe: av.safe | e.v.safe, trace: joinTrace(av.trace, e.v.trace)}
			if real(v.l) != 0 {
				a.emitVia(e.family, node, e.callee, val{l: real(v.l), trace: v.trace}, e.action, e.via)
			}
			a.sinkSlotsVia(e.family, node, e.callee, v, e.action, e.via)
		}
	}
}

// argFor is the value a call passes to parameter i of f (pos is its
// index among the call's positional arguments).
func (a *analyzer) argFor(f *funcDef, c *callSite, pos, i int) val {
	if i < 0 || i >= len(f.params) {
		return val{}
	}
	var v val
	switch {
	case i == f.vararg:
		for j := f.npos - (i - pos); j < len(c.args); j++ {
			if j >= 0 {
				v = join(v, c.args[j])
			}
		}
		return v
	case i == f.kwarg:
		for _, kv := range c.kws {
			known := false
			for _, p := range f.params[:f.npos] {
				known = known || p.Arg == kv.name
			}
			if !known {
				v = join(v, kv.v)
			}
		}
		return join(v, c.dstar)
	}
	if i < f.npos && pos >= 0 {
		v = c.arg(pos)
	}
	if kv, ok := c.kws.get(f.params[i].Arg); ok {
		v = join(v, kv)
	}
	return join(v, c.dstar)
}

// recordReturn notes a return statement's value in the summary.
func (a *analyzer) recordReturn(v val) {
	s := a.cur
	if s == nil {
		return
	}
	for bit := Labels(1) << slotBase; bit != 0; bit <<= 1 {
		if v.l&bit != 0 && s.ret.l&bit == 0 {
			if s.retTrace == nil {
				s.retTrace = map[Labels][]Step{}
			}
			s.retTrace[bit] = v.trace
		}
	}
	if s.ret.l == 0 && s.ret.x == nil {
		s.ret = v
		return
	}
	s.ret = join(s.ret, v)
}
