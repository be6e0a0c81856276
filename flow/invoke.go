package flow

import (
	"github.com/pyward/pyward/python/ast"
)

// Functions reached as values: `run = os.system; run(cmd)`, and the
// library calls that call a function they are given with arguments they
// are given (threading.Thread(target=os.system, args=(cmd,)),
// functools.partial(os.system, cmd), loop.run_in_executor(None, exec,
// code)). The called function's sinks see those arguments.

// Invoker is a call that calls one of its arguments: the function is
// argument Fn (or keyword FnKw), its arguments are the positional
// arguments from Args on (or the tuple in keyword ArgsKw).
type Invoker struct {
	Func   string
	Fn     int
	FnKw   string
	Args   int
	ArgsKw string
}

var invokersLib = Library{
	Name: "invokers",
	Invokers: []Invoker{
		{Func: "functools.partial", Fn: 0, FnKw: "func", Args: 1},
		{Func: "threading.Thread", Fn: -1, FnKw: "target", Args: -1, ArgsKw: "args"},
		{Func: "threading.Timer", Fn: 1, FnKw: "function", Args: -1, ArgsKw: "args"},
		{Func: "multiprocessing.Process", Fn: -1, FnKw: "target", Args: -1, ArgsKw: "args"},
		{Func: ".run_in_executor", Fn: 1, Args: 2},
		{Func: "asyncio.to_thread", Fn: 0, Args: 1},
		{Func: ".submit", Fn: 0, Args: 1},
		{Func: ".apply_async", Fn: 0, FnKw: "func", Args: -1, ArgsKw: "args"},
		{Func: ".apply", Fn: 0, FnKw: "func", Args: -1, ArgsKw: "args"},
		{Func: ".call_soon", Fn: 0, Args: 1},
		{Func: ".call_later", Fn: 1, Args: 2},
		{Func: ".start_new_thread", Fn: 0, Args: -1},
		{Func: "_thread.start_new_thread", Fn: 0, Args: 1},
	},
}

// fnValue is the function an expression denotes, when it names one the
// model knows as a sink (os.system) or holds one (run = os.system).
func (a *analyzer) fnValue(e ast.Expr, env map[string]val) string {
	if n, ok := e.(*ast.Name); ok {
		if v, ok := env[n.ID]; ok {
			return v.fn()
		}
	}
	switch e.(type) {
	case *ast.Name, *ast.Attribute, *ast.Call:
		q := a.h.QualName(e)
		if q != "" && q[0] != '.' {
			if _, ok := a.m.sinks.exact[q]; ok {
				return q
			}
		}
	}
	return ""
}

// invoke is a call of an invoker: the sinks of the function it calls,
// with the arguments it passes.
func (a *analyzer) invoke(c *callSite, env map[string]val) {
	inv, ok := a.m.invokers.lookup(c.q, c.method)
	if !ok {
		return
	}
	call := c.call
	var fnExpr ast.Expr
	if inv.fn >= 0 && inv.fn < len(call.Args) {
		fnExpr = call.Args[inv.fn]
	}
	if inv.fnKw != "" {
		for _, k := range call.Keywords {
			if k.Arg != nil && *k.Arg == inv.fnKw {
				fnExpr = k.Value
			}
		}
	}
	if fnExpr == nil {
		return
	}
	fq := a.fnValue(fnExpr, env)
	if fq == "" {
		return
	}
	sc := &callSite{call: call, q: fq}
	if inv.args >= 0 && inv.args < len(c.args) {
		sc.args = c.args[inv.args:]
	}
	if inv.argsKw != "" {
		for _, k := range call.Keywords {
			if k.Arg != nil && *k.Arg == inv.argsKw {
				// args=(cmd,): each element is a positional argument.
				if t, ok := k.Value.(*ast.Tuple); ok {
					for _, x := range t.Elts {
						sc.args = append(sc.args, a.eval(x, env))
					}
				} else if l, ok := k.Value.(*ast.List); ok {
					for _, x := range l.Elts {
						sc.args = append(sc.args, a.eval(x, env))
					}
				} else {
					sc.args = append(sc.args, c.kws.of(inv.argsKw))
				}
			}
		}
	}
	for _, x := range sc.args {
		sc.all = join(sc.all, x)
	}
	sc.synthetic = true
	a.sinks(sc, env)
}
