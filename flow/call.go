package flow

import (
	"strings"

	"github.com/pyward/pyward/python/ast"
)

// stickyLabels are handles whose every method's result is still (part
// of) the handle: a socket, a download, a C library.
const stickyLabels = Socket | Network | Libc

// call evaluates a call: the labels of its result, and the sinks it is.
func (a *analyzer) call(call *ast.Call, env map[string]val) val {
	// The arguments' values gather on a.argStack (the calls inside them
	// use it above them) and are dropped when the call is evaluated:
	// nothing keeps a call's argument list (see callSite).
	mark := len(a.argStack)
	defer func() {
		clear(a.argStack[mark:])
		a.argStack = a.argStack[:mark]
	}()
	var all val
	for _, x := range call.Args {
		v := a.eval(x, env)
		a.argStack = append(a.argStack, v)
		all = join(all, v)
	}
	kwMark := len(a.kwStack)
	defer func() {
		clear(a.kwStack[kwMark:])
		a.kwStack = a.kwStack[:kwMark]
	}()
	var dstar val
	for _, kw := range call.Keywords {
		v := a.eval(kw.Value, env)
		if kw.Arg != nil {
			a.kwStack = append(a.kwStack, kwVal{*kw.Arg, v})
		} else {
			dstar = join(dstar, v) // f(**options)
		}
		all = join(all, v)
	}
	n := len(call.Args)
	args := a.argStack[mark : mark+n : mark+n]
	kws := kwVals(a.kwStack[kwMark:len(a.kwStack):len(a.kwStack)])
	q := a.h.QualName(call.Func)
	if n, ok := call.Func.(*ast.Name); ok {
		if v, ok := env[n.ID]; ok && v.fn() != "" {
			q = v.fn() // run = os.system; run(cmd)
		}
	}
	var recv val
	method := ""
	attr, isMethod := call.Func.(*ast.Attribute)
	switch call.Func.(type) {
	case *ast.Name, *ast.Attribute:
	default:
		a.eval(call.Func, env) // functools.partial(os.system, cmd)()
	}
	if isMethod {
		recv = a.eval(attr.Value, env)
		// re.search is a function of a module, not a method.
		if rq := a.h.QualName(attr.Value); rq == "" || !a.h.IsModule(rq) {
			method = attr.Attr
		}
	}
	c := &callSite{call: call, q: q, method: method, args: args, kws: kws, dstar: dstar, all: all, recv: recv}
	a.sinks(c, env)
	a.invoke(c, env)
	a.mutate(c, call, env)
	// A team's own function that its configuration declares is what the
	// declaration says, whatever its body does (a quoting helper the
	// analysis would follow as a mere string replacement).
	mine := a.m.declares(q, method)
	if f, self, ctor := a.resolve(call, recv); !mine && (f != nil || ctor != nil) {
		if f == nil {
			return objVal(ctor)
		}
		return a.apply(f, c, self, ctor)
	}
	if v, ok := a.foreignCall(c); ok {
		return v // a function of another module of the scan (program.go)
	}
	if a.local(q) && !mine {
		return val{}
	}
	if s, ok := a.m.callSources.lookup(q, method); ok {
		base := all
		if s.fresh {
			base = val{}
		}
		if s.keeps != 0 {
			base.l &= s.keeps
		}
		v := base.with(s.labels, step(call, s.note))
		if s.labels&Env != 0 && len(call.Args) > 0 {
			v = a.secretEnv(call.Args[0], v, env)
		}
		return v
	}
	if isMethod && (recv.l&ReqObj != 0 || a.isRequest(attr.Value)) && a.m.reqMethods[attr.Attr] {
		return val{}.with(User|Remote, step(call, lastName(attr.Value)+"."+attr.Attr+"()"))
	}
	if s, ok := a.m.sanitizers.lookup(q, method); ok {
		v := join(all, recv)
		if s.all {
			v.l &^= Input | slotMask
			if v.l == 0 {
				return val{}
			}
			return v
		}
		v.safe |= s.fams
		return v
	}
	if p, ok := a.m.props.lookup(q, method); ok && (p.when == 0 || recv.l&p.when != 0) {
		var v val
		if p.args {
			v = all
		}
		if p.arg0 && len(args) > 0 {
			v = args[0]
		}
		if p.recv {
			v = join(v, recv)
		}
		if v.l&p.unless != 0 {
			p.adds = 0 // decoding what the program reads is its job (see Propagator.Unless)
		}
		if p.keeps != 0 {
			v.l &= p.keeps
		}
		v.l &^= p.drops
		if v.l == 0 && p.adds == 0 {
			return val{}
		}
		if p.adds != 0 {
			note := "decoded by " + q
			if p.adds&Decoded == 0 {
				note = q + "()"
				if q == "" || q[0] == '.' {
					note = "." + attr.Attr + "()"
				}
			}
			if p.adds&Decoded != 0 && v.l&Decoded == 0 || p.adds&^Decoded&^v.l != 0 {
				v = v.with(p.adds, step(call, note))
			}
		}
		if isMethod && attr.Attr == "decode" && v.l&fileData == 0 {
			v = a.decodedAs(call, v)
		}
		return v
	}
	if isMethod && recv.l&stickyLabels != 0 {
		return join(recv, all)
	}
	return val{}
}

// decodedAs labels `data.decode("rot13")`-style decoding: a codec that
// turns text into other text hides what it decodes.
func (a *analyzer) decodedAs(call *ast.Call, v val) val {
	if len(call.Args) == 0 {
		return v
	}
	enc, ok := a.h.Fold(call.Args[0])
	if !ok {
		return v
	}
	if obfuscating(enc) {
		return v.with(Decoded, step(call, "decoded as "+enc))
	}
	return v
}

// obfuscating reports whether a codec's name (any case, - or _) is one
// that turns text into other text.
func obfuscating(enc string) bool {
	return obfuscatingCodecs[strings.ReplaceAll(strings.ToLower(enc), "-", "_")]
}

// kwVals are a call's keyword arguments' values, in the call's order.
type kwVals []kwVal

type kwVal struct {
	name string
	v    val
}

// get is the value passed as keyword name (the last, should the call
// repeat it).
func (k kwVals) get(name string) (val, bool) {
	for i := len(k) - 1; i >= 0; i-- {
		if k[i].name == name {
			return k[i].v, true
		}
	}
	return val{}, false
}

// of is get's value alone.
func (k kwVals) of(name string) val {
	v, _ := k.get(name)
	return v
}

// callSite is one call being evaluated.
type callSite struct {
	call   *ast.Call
	q      string
	method string
	args   []val
	kws    kwVals
	dstar  val // the **mapping arguments
	// synthetic: a call an invoker makes, whose arguments are not the
	// call expression's.
	synthetic bool
	all       val
	recv      val
}

// arg is the value of positional argument i, counting a starred
// argument before it as possibly any of them.
func (c *callSite) arg(i int) val {
	var v val
	for j, x := range c.call.Args {
		if _, star := x.(*ast.Starred); star && j <= i && !c.synthetic {
			v = join(v, c.args[j])
		}
	}
	if i < len(c.args) {
		v = join(v, c.args[i])
	}
	return v
}

// sinkRows are the sinks a call is: by its name, a prefix of it, and
// (for a method) its attribute's name.
func (a *analyzer) sinkRows(c *callSite) [][]sink {
	var out [][]sink
	t := &a.m.sinks
	if r, ok := t.exact[c.q]; ok {
		out = append(out, r)
	}
	for _, p := range t.prefix {
		if strings.HasPrefix(c.q, p.prefix) {
			out = append(out, p.v)
		}
	}
	if c.method != "" {
		if r, ok := t.methods[c.method]; ok {
			out = append(out, r)
		}
	}
	return out
}

// sinks checks one call against every sink it is.
func (a *analyzer) sinks(c *callSite, env map[string]val) {
	call := c.call
	for _, rows := range a.sinkRows(c) {
		for i := range rows {
			r := &rows[i]
			if r.recvNeeds != 0 && c.recv.l&r.recvNeeds == 0 {
				continue
			}
			if r.family == "code" && a.local(c.q) {
				continue // the module's own compile(), not the builtin
			}
			var v val
			if r.allArgs {
				n := len(c.args)
				if r.dropLast {
					n--
				}
				for j := r.from; j < n; j++ {
					v = join(v, c.args[j])
				}
			}
			for _, p := range r.args {
				v = join(v, c.arg(p))
			}
			for _, k := range r.kws {
				v = join(v, c.kws.of(k))
			}
			if r.recv {
				v = join(v, c.recv)
			}
			if r.family == "command" {
				a.processPatterns(c, v)
			}
			if v.l == 0 || v.safe&r.fam != 0 {
				continue
			}
			callee0 := c.q
			if callee0 == "" || callee0[0] == '.' {
				callee0 = c.method
			}
			a.sinkSlots(r.family, call, callee0, v, r.action)
			if real(v.l) == 0 {
				continue
			}
			action := r.action
			if r.writeMode && writes(a.h, call) {
				action = "writes"
			}
			callee := c.q
			if callee == "" || callee[0] == '.' {
				callee = c.method
			}
			a.emit(r.family, call, callee, v, action)
		}
	}
	a.malwareCall(c, env)
}

// writes reports whether an open-like call's mode (argument 1 or mode=)
// writes, appends, creates or updates.
func writes(h Host, call *ast.Call) bool {
	var m ast.Expr
	if len(call.Args) > 1 {
		m = call.Args[1]
	}
	for _, k := range call.Keywords {
		if k.Arg != nil && *k.Arg == "mode" {
			m = k.Value
		}
	}
	if m == nil {
		return false
	}
	s, ok := h.Fold(m)
	return ok && strings.ContainsAny(s, "wax+")
}

// containerMutators are the methods that put their arguments into their
// receiver: args.append(f"echo {x}") then subprocess.run(args).
var containerMutators = map[string]bool{"append": true, "extend": true, "insert": true, "add": true,
	"update": true, "setdefault": true, "appendleft": true, "extendleft": true}

func (a *analyzer) mutate(c *callSite, call *ast.Call, env map[string]val) {
	at, ok := call.Func.(*ast.Attribute)
	if !ok || !containerMutators[at.Attr] || c.all.l == 0 {
		return
	}
	var key string
	switch r := at.Value.(type) {
	case *ast.Name:
		key = r.ID
	case *ast.Attribute:
		key = attrKey(r)
	}
	if key == "" {
		return
	}
	v := c.all
	v.trace = append(v.trace[:len(v.trace):len(v.trace)], step(call, "put in "+key))
	env[key] = join(env[key], v)
}
