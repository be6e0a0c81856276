package flow

import (
	"fmt"
	"strings"
	"sync"

	"github.com/pyward/pyward/python/ast"
)

// Modules of the same scan. A Program is every file of one scan by the
// module names it can be imported under, so that a call of a function
// imported from another file of the project (`from app.util import run`,
// `import app.util as u; u.run(x)`, `from .helpers import get_param`) is
// followed into that function like a call of the file's own: what its
// parameters reach (its return value, sinks in the other file) and what
// it returns on its own (request data).
//
// A file `src/app/util.py` is the module of every dotted suffix of its
// path (src.app.util, app.util, util; a package's `__init__.py` is the
// package): a name is resolved when its full path spells it, else when
// exactly one file has it as a suffix. Two files both named util leave
// `util` unresolved rather than guess. Relative imports are the host's
// to spell as absolute names (see Host.QualName), from the importing
// file's path.
//
// A module is loaded (read, parsed, its imports recorded by the loader)
// the first time an analysis calls one of its functions that the model
// does not know already (the model wins: a scan of the standard library
// does not re-analyse os.system's module for it); then each of its
// top-level functions is summarised, once per scan, and its tree is
// dropped (see foreignSummary). Only files the analysis runs on follow
// calls (files with a sink call the model knows, web applications'
// files): a call into another module does not make a file worth
// analysing by itself, which would analyse nearly every file of a
// large tree. One mutex guards the loading,
// summarising and reading of summaries: the assessor's workers share the
// Program. Depth is 1: inside a foreign module's functions, calls into
// further modules are not followed (they look like unknown library
// calls), so the lock is never taken twice, and cycles between modules
// end. A sink reached in the other file is reported in the file whose
// data reaches it, at its call; what the other file's analysis finds on
// its own is reported when that file is scanned.
type Program struct {
	mu    sync.Mutex
	paths []string
	full  map[string]int // module name of a file's whole path -> file
	names map[string]int // module name -> file, -1 when several files have it
	load  Loader
	done  map[modKey]bool // modules summarised (or found not loadable)
	sums  map[foreignKey]*foreignSummary
}

// Module is one file of the scan as the Program analyses it.
type Module struct {
	Mod  *ast.Module
	Host Host
	// Pos is the 1-based line and character column of an offset of the
	// file.
	Pos func(off int32) (line, col int)
}

// Loader reads, parses and prepares the file at path, or returns nil
// when it cannot (unreadable, a syntax error).
type Loader func(path string) *Module

// NewProgram indexes the paths of a scan's files (slash-separated, as
// the scan reports them) by module name. Only .py files are modules.
func NewProgram(paths []string, load Loader) *Program {
	p := &Program{full: map[string]int{}, names: map[string]int{}, load: load,
		done: map[modKey]bool{}, sums: map[foreignKey]*foreignSummary{}}
	for _, path := range paths {
		parts := modParts(path)
		if parts == nil {
			continue
		}
		i := len(p.paths)
		p.paths = append(p.paths, path)
		full := strings.Join(parts, ".")
		p.full[full] = i
		// Each shorter name is a tail of the full one: the keys share
		// its bytes (a scan of ten thousand files held a few megabytes of
		// joined names for the whole run).
		for j, off := 0, 0; j < len(parts); j, off = j+1, off+len(parts[j])+1 {
			n := full[off:]
			if k, dup := p.names[n]; dup && k != i {
				p.names[n] = -1
			} else {
				p.names[n] = i
			}
		}
	}
	return p
}

// modParts is the dotted name of a file's whole path, in parts: nil for
// a file that is not a module.
func modParts(path string) []string {
	if !strings.HasSuffix(path, ".py") {
		return nil
	}
	var parts []string
	for _, s := range strings.Split(strings.TrimSuffix(path, ".py"), "/") {
		switch {
		case s == "" || s == ".":
		case s == "..":
			parts = nil // what is above the scan's folder is not named
		case !isIdent(s):
			parts = nil // a folder no import can name starts the path anew
		default:
			parts = append(parts, s)
		}
	}
	if n := len(parts); n > 0 && parts[n-1] == "__init__" {
		parts = parts[:n-1]
	}
	if len(parts) == 0 {
		return nil
	}
	return parts
}

func isIdent(s string) bool {
	for i, r := range s {
		if !(r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || i > 0 && '0' <= r && r <= '9' || r > 127) {
			return false
		}
	}
	return s != ""
}

// module is the file a module name resolves to, or -1.
func (p *Program) module(name string) int {
	if i, ok := p.full[name]; ok {
		return i
	}
	if i, ok := p.names[name]; ok {
		return i
	}
	return -1
}

// Via is where a sink reached in another file is, for the report.
type Via struct {
	Func string // the function of the other file called: run()
	Sink Step   // the sink in the other file (At set)
}

// Where words a Via: "in app/util.py:12 through run()".
func (v *Via) Where() string {
	if v == nil || v.Sink.At == nil {
		return ""
	}
	return fmt.Sprintf("in %s:%d through %s()", v.Sink.At.File, v.Sink.At.Line, v.Func)
}

type foreignModule struct {
	path string
	pos  func(off int32) (line, col int)
}

// A module is analysed apart for callers in web applications' files and
// in other files: a helper's `req` parameter is a request object when a
// web application's handler passes its request, and an urllib request
// elsewhere (see isRequest).
type modKey struct {
	file int
	web  bool
}

type foreignKey struct {
	modKey
	name string
}

// foreignSummary is a function's summary in another file, its steps
// placed in that file: read-only once built, so that callers in every
// worker read it without the lock. It holds nothing of the module's
// syntax tree (f is the function's parameters only): a scan of a large
// tree calls into hundreds of modules, and their trees held to the end
// would be most of its memory.
type foreignSummary struct {
	f        *funcDef
	ret      val
	retTrace map[Labels][]Step
	sinks    []sinkEntry
	slots    []slotInfo
}

// summary is the summary of function name of module mod; nil when the
// module is not in the program or not loadable, or has no such
// top-level function.
func (p *Program) summary(from, mod, name string, m *Model, web bool) *foreignSummary {
	i := p.module(mod)
	if i < 0 || p.paths[i] == from {
		return nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	k := modKey{i, web}
	if !p.done[k] {
		p.done[k] = true
		p.summarizeModule(k, m)
	}
	return p.sums[foreignKey{k, name}]
}

// summarizeModule loads a file's module (with p.mu held) and summarises
// each of its top-level functions, once per scan (and per kind of
// caller, see modKey), callees first as the module's own analysis does.
// Its top level is not analysed, and its tree is dropped once done.
func (p *Program) summarizeModule(k modKey, m *Model) {
	mod := p.load(p.paths[k.file])
	if mod == nil || mod.Mod == nil || mod.Host == nil {
		return
	}
	a := newAnalyzer(mod.Mod, mod.Host, m, Options{}) // no Program: depth 1
	a.collect(mod.Mod.Body)
	a.web = k.web || a.importsWeb(mod.Mod.Body, 0)
	a.globals = map[string]val{}
	fm := &foreignModule{path: p.paths[k.file], pos: mod.Pos}
	for _, f := range a.postOrder(false, nil) {
		a.summarize(f)
	}
	for name, f := range a.funcs {
		if s := a.sums[f]; s != nil {
			p.sums[foreignKey{k, name}] = fm.convert(f, s)
		}
	}
}

// convert is a summary of the module's function f with its steps placed
// in its file and nothing of its tree.
func (fm *foreignModule) convert(f *funcDef, s *summary) *foreignSummary {
	stub := &funcDef{name: f.name, npos: f.npos, vararg: f.vararg, kwarg: f.kwarg}
	for _, p := range f.params {
		stub.params = append(stub.params, &ast.Arg{Arg: p.Arg})
	}
	fs := &foreignSummary{f: stub, slots: append([]slotInfo(nil), s.slots...)}
	fs.ret = val{l: s.ret.l, safe: s.ret.safe, trace: fm.place(s.ret.trace)}
	if len(s.retTrace) > 0 {
		fs.retTrace = make(map[Labels][]Step, len(s.retTrace))
		for b, t := range s.retTrace {
			fs.retTrace[b] = fm.place(t)
		}
	}
	for _, e := range s.sinks {
		if e.v.l&slotMask == 0 {
			continue
		}
		e.v = val{l: e.v.l & slotMask, safe: e.v.safe, trace: fm.place(e.v.trace)}
		if e.via == nil {
			e.via = &Via{Func: f.name, Sink: fm.place([]Step{{Start: e.node.Pos(), End: e.node.End()}})[0]}
		}
		e.node = nil // the caller's call, when applied
		fs.sinks = append(fs.sinks, e)
	}
	return fs
}

// place gives steps of the module's file their place in it.
func (fm *foreignModule) place(t []Step) []Step {
	if len(t) == 0 {
		return nil
	}
	out := make([]Step, len(t))
	for j, s := range t {
		if s.At == nil && fm.pos != nil {
			l, c := fm.pos(s.Start)
			el, ec := fm.pos(s.End)
			s.At = &Place{File: fm.path, Line: l, Column: c, EndLine: el, EndColumn: ec}
		}
		out[j] = s
	}
	return out
}

// foreignCall is a call of a function of another module of the scan:
// its summary applied to the call's arguments. ok is false when the
// call is not one (no Program, a name the model knows or the user
// declares, a module not in the scan).
func (a *analyzer) foreignCall(c *callSite) (val, bool) {
	p := a.opt.Program
	q := c.q
	if p == nil || q == "" || q[0] == '.' || c.synthetic {
		return val{}, false
	}
	if real(c.all.l) == 0 && !a.web {
		// Outside web applications' files, a call is followed only when
		// what it is passed is already labelled: a command-line tool's
		// helpers pass their parameters (slots) to other modules at
		// nearly every call, and following each one cost the scan of
		// the standard library half as much again. In web files
		// (request data reaching a helper's parameter, a helper reading
		// the request itself) every call is followed.
		return val{}, false
	}
	i := strings.LastIndexByte(q, '.')
	if i <= 0 || a.knows(q) {
		return val{}, false
	}
	s := p.summary(a.opt.Path, q[:i], q[i+1:], a.m, a.web)
	if s == nil {
		return val{}, false
	}
	return a.applyForeign(s, c, q[i+1:]), true
}

// knows reports whether the model (or the user's configuration) names
// q: then it is what the model says, not what its body does.
func (a *analyzer) knows(q string) bool {
	m := a.m
	if _, ok := m.callSources.lookup(q, ""); ok {
		return true
	}
	if _, ok := m.sinks.lookup(q, ""); ok {
		return true
	}
	if _, ok := m.sanitizers.lookup(q, ""); ok {
		return true
	}
	if _, ok := m.props.lookup(q, ""); ok {
		return true
	}
	if _, ok := m.invokers.lookup(q, ""); ok {
		return true
	}
	return m.declares(q, "")
}

// applyForeign is apply for a function of another file: the sinks its
// parameters reach there become sinks of this call, and its return
// value carries what it returns.
func (a *analyzer) applyForeign(s *foreignSummary, c *callSite, name string) val {
	// A `**mapping` argument is not followed into another module:
	// argFor would pass the whole mapping to each parameter, and a
	// container's every value carries all its labels. flask's send_file
	// passes **{"path_or_file": path, "environ": request.environ, ...}
	// to werkzeug's, whose path (and kwargs["_root_path"]) is not the
	// request's environment.
	named := *c
	named.dstar = val{}
	argOf := func(bit Labels) val {
		for i, info := range s.slots {
			if slotBit(i) == bit && info.attr == "" {
				return a.argFor(s.f, &named, info.param, info.param)
			}
		}
		return val{}
	}
	a.applySinks(s.sinks, argOf, c.call)
	out := returnOf(s.ret, s.retTrace, argOf, false)
	if real(out.l) != 0 && (len(out.trace) == 0 || out.trace[len(out.trace)-1].At != nil) {
		// Back in this file: the call is the step that returns the value.
		out.trace = joinTrace(out.trace, []Step{step(c.call, "returned by "+name+"()")})
	}
	return out
}
