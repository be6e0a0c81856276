package flow

import (
	"github.com/pyward/pyward/python/ast"
)

// Entry points. After the module's top level, finish summarises every
// function nothing called, as an entry point. Most of a module's
// functions cannot report anything that way, and summarising them was
// most of the analysis's time on the standard library: an event needs a
// value with real labels (not only slots) at a sink, and a function
// whose analysis can meet no real label reports nothing of its own; what
// it passes on is its summary's, computed when a caller that can report
// calls it. So finish starts only from the functions that
//
//   - make a call the analysis can report on (Wants), whose patterns
//     need no label (a shell spawned on a literal, a download run); or
//   - can meet a real label: a source (a call, an attribute, a request
//     name, a labelled module variable, a credentials path when those
//     count), a call that adds labels (decoding), a parameter the
//     analysis labels (request handlers), a reference to a function or
//     method that can, or (a method) an attribute of self that the
//     summaries so far have labelled: finish asks again after each round
//     of methods (see update).
//
// Everything else is still summarised when called. The decision is
// conservative: any name, attribute or call that could lead to such a
// function counts. It is not made in web applications' files (request
// data enters through every handler's parameters and items).
// TestEntryPointsKeepEvents checks that the events of every corpus file
// and of the standard library are the same with and without it, and
// TestEntryPointsFollowEveryLabel that each reason keeps its function.

// entryPoints is the set of a.order's functions finish starts from, or
// nil for all of them. update grows it by the methods that read an
// attribute of self the summaries so far have labelled, and by what
// refers to them; it reports whether it grew.
func (a *analyzer) entryPoints() (keep map[*funcDef]bool, update func() bool) {
	none := func() bool { return false }
	if a.web || a.opt.AllEntries {
		return nil, none
	}
	cl, ok := a.h.(CallLister)
	rl, ok2 := a.h.(RefLister)
	if !ok || !ok2 {
		return nil, none
	}
	calls, ok := cl.Calls()
	refs, ok2 := rl.Refs()
	if !ok || !ok2 {
		return nil, none
	}
	var marks []CallMark
	if cm, ok := a.h.(CallMarker); ok {
		if marks = cm.CallMarks(); len(marks) != len(calls) {
			marks = nil
		}
	}
	fns := a.order
	// What a name or attribute can be, in one lookup: the model's
	// sources' last parts and request names, the module's functions,
	// classes, labelled variables and methods.
	idx := make(map[string]refInfo, len(a.m.refBits)+len(a.funcs)+len(a.classes))
	for name, bits := range a.m.refBits {
		idx[name] = refInfo{bits: bits}
	}
	for name, v := range a.globals {
		if real(v.l) != 0 {
			r := idx[name]
			r.bits |= refLabelled
			idx[name] = r
		}
	}
	for name, f := range a.funcs {
		r := idx[name]
		r.fn = f
		idx[name] = r
	}
	methodsOf := map[*classInfo][]*funcDef{}
	var classes []*classInfo
	for _, f := range fns {
		if f.class != nil {
			r := idx[f.name]
			r.methods = append(r.methods, f)
			idx[f.name] = r
			if methodsOf[f.class] == nil {
				classes = append(classes, f.class)
			}
			methodsOf[f.class] = append(methodsOf[f.class], f)
		}
	}
	for name, c := range a.classes {
		r := idx[name]
		r.cls = c
		idx[name] = r
	}
	families := a.families(classes)
	keep = map[*funcDef]bool{}
	var work []*funcDef
	refBy := map[*funcDef][]*funcDef{}
	selfReads := map[*funcDef][]string{}
	for _, f := range fns {
		if len(f.body) == 0 {
			continue
		}
		if a.labelsParams(f) || a.callsMark(f, calls, marks) {
			keep[f] = true
			work = append(work, f)
			continue
		}
		var reads []string
		refer := func(g *funcDef) { refBy[g] = append(refBy[g], f) }
	scan:
		for _, n := range stretch(refs, f.body) {
			switch x := n.(type) {
			case *ast.Name:
				r := idx[x.ID]
				if r.bits&(refLabelled|refRequest|refPrefix) != 0 {
					keep[f] = true
					break scan
				}
				if r.fn != nil {
					refer(r.fn)
				}
				if r.cls != nil {
					for _, g := range methodsOf[r.cls] {
						refer(g)
					}
				}
			case *ast.Attribute:
				r := idx[x.Attr]
				if r.bits&refPrefix != 0 {
					keep[f] = true // request.args, self.request
					break scan
				}
				if r.bits&refAttr != 0 {
					if _, ok := a.attrSource(x); ok {
						keep[f] = true
						break scan
					}
				}
				if b, ok := x.Value.(*ast.Name); ok && b.ID == "self" && f.class != nil {
					// self.x is a method of the class (or of its
					// bases) or one of its attributes.
					if g := a.method(f.class, x.Attr, 0); g != nil {
						refer(g)
					}
					reads = append(reads, x.Attr)
					continue
				}
				for _, g := range r.methods {
					refer(g)
				}
			case *ast.Constant:
				if a.opt.Credentials && x.Kind == ast.ConstStr && sensitivePath(x.Str) {
					keep[f] = true
					break scan
				}
			}
		}
		if keep[f] {
			work = append(work, f)
		} else if len(reads) > 0 {
			selfReads[f] = reads
		}
	}
	// labelledField reports whether an attribute of self that f reads
	// is labelled in a class of f's family (attributes are per class,
	// and a method may be inherited).
	labelledField := func(f *funcDef) bool {
		for _, c := range families[f.class] {
			for _, attr := range selfReads[f] {
				if real(c.fields[attr].l) != 0 {
					return true
				}
			}
		}
		return false
	}
	update = func() bool {
		grew := len(work) > 0
		for f := range selfReads {
			if !keep[f] && labelledField(f) {
				keep[f] = true
				work = append(work, f)
				grew = true
			}
		}
		for len(work) > 0 {
			g := work[len(work)-1]
			work = work[:len(work)-1]
			for _, f := range refBy[g] {
				if !keep[f] {
					keep[f] = true
					work = append(work, f)
				}
			}
		}
		return grew
	}
	update()
	return keep, update
}

// refInfo is what entryPoints knows of an identifier.
type refInfo struct {
	bits    uint8
	fn      *funcDef   // the module's function of that name
	cls     *classInfo // the module's class of that name
	methods []*funcDef // the module's methods of that name
}

const (
	refAttr     uint8 = 1 << iota // the last part of an attribute source (sys.argv)
	refPrefix                     // the last part of a source prefix (flask.request.*)
	refRequest                    // a name that holds a request object
	refLabelled                   // a module variable with labels
)

// indexRefs builds refBits (see entryPoints).
func (m *Model) indexRefs() {
	m.refBits = map[string]uint8{}
	for n := range m.attrLast {
		m.refBits[n] |= refAttr
	}
	for n := range m.prefixLast {
		m.refBits[n] |= refPrefix
	}
	for n := range m.reqNames {
		m.refBits[n] |= refRequest
	}
}

// callsMark reports whether f makes a call the analysis reports on
// (Wants) or one that labels what it returns (Labels).
func (a *analyzer) callsMark(f *funcDef, calls []*ast.Call, marks []CallMark) bool {
	i, j := stretchRange(calls, f.body)
	for k := i; k < j; k++ {
		c := calls[k]
		if at, ok := c.Func.(*ast.Attribute); ok && at.Attr == "decode" && len(c.Args) > 0 {
			if enc, ok := a.h.Fold(c.Args[0]); ok && obfuscating(enc) {
				return true // decodedAs
			}
		}
		if marks != nil {
			if marks[k] != 0 {
				return true
			}
			continue
		}
		q := a.h.QualName(c.Func)
		method := ""
		if at, ok := c.Func.(*ast.Attribute); ok {
			method = at.Attr
		}
		if a.m.Wants(q, method) || a.m.Labels(q, method) {
			return true
		}
	}
	return false
}

// CallMark is what a call's name tells entryPoints, as a Host that
// already looked every call up knows it (see CallMarker).
type CallMark uint8

const (
	MarkWants  CallMark = 1 << iota // Model.Wants
	MarkLabels                      // Model.Labels
)

// CallMarker is a CallLister that also has each call's CallMark, in
// the order of its calls.
type CallMarker interface {
	CallMarks() []CallMark
}

// Labels reports whether a call's value has labels of its own: a
// source's, or those a propagator adds (decoding).
func (m *Model) Labels(q, method string) bool {
	if _, ok := m.callSources.lookup(q, method); ok {
		return true
	}
	p, ok := m.props.lookup(q, method)
	return ok && p.adds != 0
}

// labelsParams reports whether function labels one of f's parameters
// itself: a route's, a request-typed one, a Lambda-style handler's.
func (a *analyzer) labelsParams(f *funcDef) bool {
	if a.routed(f.decorators) || a.lambdaHandler(f.name, f.params) {
		return true
	}
	for _, p := range f.params {
		if a.requestTyped(p) {
			return true
		}
	}
	return false
}

// families maps each class to the classes of the module it derives
// from and that derive from it, transitively, itself included.
func (a *analyzer) families(classes []*classInfo) map[*classInfo][]*classInfo {
	// Union-find over the module's base names.
	parent := map[*classInfo]*classInfo{}
	root := func(c *classInfo) *classInfo {
		for parent[c] != nil && parent[c] != c {
			c = parent[c]
		}
		return c
	}
	for _, c := range classes {
		parent[c] = c
	}
	for _, c := range classes {
		for _, b := range c.bases {
			if bc := a.classes[b]; bc != nil && parent[bc] != nil {
				if r, s := root(c), root(bc); r != s {
					parent[r] = s
				}
			}
		}
	}
	groups := map[*classInfo][]*classInfo{}
	for _, c := range classes {
		r := root(c)
		groups[r] = append(groups[r], c)
	}
	out := map[*classInfo][]*classInfo{}
	for _, c := range classes {
		out[c] = groups[root(c)]
	}
	return out
}
