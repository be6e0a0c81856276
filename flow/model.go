package flow

import (
	"fmt"
	"sort"
	"strings"
)

// A Library is the model of one library family: the values it hands out
// that come from outside (sources), the calls where a value must not come
// from outside (sinks), the calls that make a value safe (sanitizers) and
// the calls whose result carries their arguments' labels (propagators).
// The tables in models_*.go are Libraries; users add their own from the
// configuration's flow section.
//
// A function is named by its qualified name after import resolution
// ("subprocess.run", "flask.request.args"). A name that starts with a dot
// (".execute") is any method of that name, whatever its receiver; a name
// that ends in ".*" ("requests.*") is every name under that prefix.
type Library struct {
	Name        string
	Sources     []Source
	Sinks       []Sink
	Sanitizers  []Sanitizer
	Propagators []Propagator
	// RequestNames are variable names that hold a web request object
	// (request, req), and RequestAttrs the attributes of such an object
	// that carry the client's data (args, GET, query_params...).
	// RequestMethods are its methods that return client data (get_json).
	RequestNames    []string
	WebRequestNames []string // names that hold a request only in a web application's files
	RequestAttrs    []string
	RequestMethods  []string
	// RouteDecorators are the last parts of decorators that make a
	// function a request handler whose parameters come from the request
	// (".route", ".get"). RequestParamTypes are annotations of parameters
	// that hold a request object (Request, HttpRequest).
	RouteDecorators   []string
	RequestParamTypes []string
	// Web are the module prefixes whose import makes a file a web
	// application, whose request data is followed into file paths.
	Web []string
	// ItemSinks are item assignments that are sinks; Guards are tests
	// that sanitise; Triggers are call-name prefixes that make a file
	// worth analysing though no sink is named by them (ctypes.).
	ItemSinks []ItemSink
	Guards    []Guard
	Triggers  []string
	// NotRequestParams are handler parameter names frameworks fill with
	// objects, not request data; DependencyMarkers are calls in a
	// parameter's annotation or default that make the application fill
	// it (FastAPI's Depends).
	NotRequestParams  []string
	DependencyMarkers []string
	// Invokers are calls that call a function they are given (see
	// invoke.go).
	Invokers []Invoker
	// EventHandlers are function names whose (event, context) parameters
	// are an AWS Lambda-style handler's: the event is the request.
	EventHandlers []string
}

// Source is a value from outside.
type Source struct {
	Name string
	// Call: the result of calling Name is the source (input()); else
	// reading Name is (sys.argv).
	Call   bool
	Labels string // "user|remote"
	Note   string // the step's text; Name (with "()" for a call) when empty
	// Fresh: the call's result is a new handle (a socket), not carrying
	// its arguments' labels; Keeps limits the arguments' labels it
	// carries (a file's content is not chosen by whoever chose its name,
	// but a credentials file's content is still a credential).
	Fresh bool
	Keeps string
}

// Sink is a call that must not receive outside values in some of its
// arguments.
type Sink struct {
	Func   string
	Family string // a row of familyTable: "command", "sql"...
	// Args are the positional arguments that count (nil: the first);
	// AllArgs counts every positional argument, Kws the keywords that
	// count, Recv the receiver of a method (Path(p).read_text()).
	Args    []int
	AllArgs bool
	Kws     []string
	Recv    bool
	// From and DropLast narrow AllArgs: the positional arguments from
	// From on, without the last one (os.execle's environment).
	From     int
	DropLast bool
	// Action says what the call does with a path ("opens", "writes",
	// "removes"...), for messages; WriteMode makes open-like calls
	// "write" when their mode (argument 1 or mode=) writes.
	Action    string
	WriteMode bool
	// RecvNeeds: the sink applies only when the receiver carries one of
	// these labels (".send" on a socket).
	RecvNeeds string
}

// ItemSink is an item assignment that is a sink: `session[k] = v` (Name,
// a qualified name) or `resp.headers[k] = v` (Attr, an attribute's name).
type ItemSink struct {
	Name   string
	Attr   string
	Family string
}

// Guard is a test that, when true, makes its argument safe for some
// families inside the branch it guards (and after it, when the other
// branch leaves the function): `if url_has_allowed_host_and_scheme(u):`.
type Guard struct {
	Func     string
	Arg      int
	Families string
}

// Sanitizer makes its result safe for some sink families. Families "*"
// removes the input labels altogether: int(x) is a number whatever x was.
type Sanitizer struct {
	Func     string
	Families string // "sql|command", or "*"
}

// Propagator is a call whose result carries labels of its inputs: its
// arguments, its receiver, or both (the default), adding Adds.
type Propagator struct {
	Func string
	From string // "args", "recv", "arg0" or "" (arguments and receiver)
	Adds string // labels added: "decoded"
	// Keeps limits the labels carried to these: the content of a file
	// opened by name is not chosen by whoever chose the name, but a
	// credentials file's content is still a credential.
	Keeps string
	// When and Drops: the propagator applies only when the receiver
	// carries a label of When, and the result loses Drops (a socket's
	// recv() is network data, not a socket).
	When  string
	Drops string
	// Unless: the labels that cancel Adds. Decoding a file the program
	// reads is not hiding a payload it carries.
	Unless string
}

// familyTable names the sink families. To add one, append a row; rules
// map families to their IDs.
var familyTable = []string{
	"code", "command", "deserialize", "sql", "path", "send",
	"ssrf", "redirect", "xss", "ssti", "ldap", "xpath", "xxe", "header", "session",
	// The malware heuristics' patterns (see malware.go).
	"fd-redirect", "process-stdio", "shell-spawn", "libc-call", "download-run", "download-chmod",
	"leak", "leak-body", // data carried off the host: a request's body or URL, a socket, a DNS name (models_exfil.go)
}

// patternFamilies are reported by the malware heuristics from the shape
// of a call (malware.go), not by a value reaching a sink row: a row of
// one would report a pattern nobody checked, with a message that does
// not fit it, so no model may name one.
var patternFamilies = map[string]bool{
	"fd-redirect": true, "process-stdio": true, "shell-spawn": true,
	"libc-call": true, "download-run": true, "download-chmod": true,
}

// SinkFamilies lists the families a sink row may have (every family but
// the malware heuristics' patterns), in the order of familyTable.
func SinkFamilies() []string {
	var out []string
	for _, n := range familyTable {
		if !patternFamilies[n] {
			out = append(out, n)
		}
	}
	return out
}

// remoteFamilies are the families rules count only for web request or
// network data: a file with no web framework and no network call cannot
// reach them, so their sinks alone do not make it worth analysing.
var remoteFamilies = func() Families {
	var f Families
	for _, n := range []string{"path", "ssrf", "redirect", "xss", "ssti", "ldap", "xpath", "xxe", "header", "session"} {
		f |= familyBits[n]
	}
	return f
}()

// Families is a set of sink families.
type Families uint64

var familyBits = func() map[string]Families {
	m := make(map[string]Families, len(familyTable))
	for i, n := range familyTable {
		m[n] = 1 << i
	}
	return m
}()

// Family returns the family called name (0 when there is none).
func Family(name string) Families { return familyBits[name] }

// ParseFamilies reads "sql|command"; "*" is every family.
func ParseFamilies(s string) (Families, error) {
	if strings.TrimSpace(s) == "*" {
		return ^Families(0), nil
	}
	var f Families
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == '|' || r == ',' || r == ' ' }) {
		b, ok := familyBits[p]
		if !ok {
			return 0, fmt.Errorf("unknown sink family %q (families: %s)", p, strings.Join(familyTable, ", "))
		}
		f |= b
	}
	if f == 0 {
		return 0, fmt.Errorf("no sink family given")
	}
	return f, nil
}

// FamilyNames lists every sink family.
func FamilyNames() []string { return append([]string(nil), familyTable...) }

type source struct {
	labels Labels
	note   string
	fresh  bool
	keeps  Labels
}

type sink struct {
	family    string
	fam       Families
	args      []int
	allArgs   bool
	from      int
	dropLast  bool
	kws       []string
	recv      bool
	action    string
	writeMode bool
	recvNeeds Labels
}

type invoker struct {
	fn     int
	fnKw   string
	args   int
	argsKw string
}

type guard struct {
	arg  int
	fams Families
	all  bool
}

type sanitizer struct {
	all  bool
	fams Families
}

type propagator struct {
	args, recv  bool
	arg0        bool
	adds        Labels
	keeps       Labels // 0: every label
	when, drops Labels
	unless      Labels
}

type table[T any] struct {
	exact   map[string]T
	methods map[string]T
	prefix  []prefixed[T]
}

type prefixed[T any] struct {
	prefix string
	v      T
}

func newTable[T any]() table[T] {
	return table[T]{exact: map[string]T{}, methods: map[string]T{}}
}

func (t *table[T]) add(name string, v T) {
	switch {
	case strings.HasPrefix(name, "."):
		t.methods[name[1:]] = v
	case strings.HasSuffix(name, ".*"):
		t.prefix = append(t.prefix, prefixed[T]{strings.TrimSuffix(name, "*"), v})
	default:
		t.exact[name] = v
	}
}

// lookup finds q, then a prefix of it; method is the called attribute's
// name ("" for a plain call), tried last.
func (t *table[T]) lookup(q, method string) (T, bool) {
	if v, ok := t.exact[q]; ok {
		return v, true
	}
	for _, p := range t.prefix {
		if strings.HasPrefix(q, p.prefix) {
			return p.v, true
		}
	}
	if method != "" {
		if v, ok := t.methods[method]; ok {
			return v, true
		}
	}
	var zero T
	return zero, false
}

// Model is a compiled set of Libraries, ready for Analyze. It is
// read-only once built and shared by every file and worker.
type Model struct {
	callSources table[source]
	attrSources table[source]
	sinks       table[[]sink]
	sanitizers  table[sanitizer]
	props       table[propagator]
	reqNames    map[string]bool
	webReqNames map[string]bool
	reqAttrs    map[string]bool
	reqMethods  map[string]bool
	reqTypes    map[string]bool
	routes      []string
	web         []string
	itemNames   map[string]Families
	itemAttrs   map[string]Families
	guards      table[guard]
	triggers    []string
	notParams   map[string]bool
	depMarkers  map[string]bool
	handlers    map[string]bool
	invokers    table[invoker]
	// attrLast and prefixLast: the last parts of attribute sources'
	// names, and of their prefixes, so that the qualified name of an
	// attribute is computed only when it could be a source.
	attrLast   map[string]bool
	prefixLast map[string]bool
	// wants are the qualified names and method names of every sink: a
	// file without such a call is not analysed (see Wants).
	wants       map[string]bool
	wantMethods map[string]bool
	wantPrefix  []string
	// wantByRoot indexes wantPrefix and triggers by their first dotted
	// part, and wantLoose holds those without a dot: Wants is asked of
	// every call of most files, and a loop over 20 prefixes was most of
	// its cost.
	wantByRoot map[string][]string
	wantLoose  []string
	// refBits classes the names entryPoints meets (see indexRefs).
	refBits map[string]uint8
	// declared are the calls the extra (the user's) libraries name as
	// sources, sanitizers or propagators: what a team says of its own
	// function wins over what the analysis makes of its body (see call).
	declared table[bool]
}

// Libraries returns the built-in models, in a stable order.
func Libraries() []Library {
	out := append([]Library(nil), builtin...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

var defaultModel = func() *Model {
	m, err := Compile()
	if err != nil {
		panic("flow: built-in models: " + err.Error())
	}
	return m
}()

// Default is the model of the built-in libraries.
func Default() *Model { return defaultModel }

// Compile builds a model of the built-in libraries plus extra ones (the
// user's). A row naming an unknown label or family is an error, with the
// library's name and the row's function.
func Compile(extra ...Library) (*Model, error) {
	m := &Model{
		callSources: newTable[source](), attrSources: newTable[source](), sinks: newTable[[]sink](),
		sanitizers: newTable[sanitizer](), props: newTable[propagator](),
		reqNames: map[string]bool{}, webReqNames: map[string]bool{}, reqAttrs: map[string]bool{}, reqMethods: map[string]bool{}, reqTypes: map[string]bool{},
		wants: map[string]bool{}, wantMethods: map[string]bool{},
		itemNames: map[string]Families{}, itemAttrs: map[string]Families{}, guards: newTable[guard](),
		notParams: map[string]bool{}, depMarkers: map[string]bool{}, handlers: map[string]bool{},
		attrLast: map[string]bool{}, prefixLast: map[string]bool{}, invokers: newTable[invoker](),
		declared: newTable[bool](),
	}
	for i, lib := range append(append([]Library(nil), builtin...), extra...) {
		if err := m.add(lib); err != nil {
			return nil, fmt.Errorf("flow model %s: %w", lib.Name, err)
		}
		if i >= len(builtin) {
			m.declare(lib)
		}
	}
	m.indexWants()
	m.indexRefs()
	return m, nil
}

// declare records the calls a user's library names (see declared).
func (m *Model) declare(lib Library) {
	for _, s := range lib.Sources {
		if s.Call {
			m.declared.add(s.Name, true)
		}
	}
	for _, s := range lib.Sanitizers {
		m.declared.add(s.Func, true)
	}
	for _, p := range lib.Propagators {
		m.declared.add(p.Func, true)
	}
}

// declares reports whether a user's library names the call (q, and the
// attribute's name for a method) as a source, sanitizer or propagator.
func (m *Model) declares(q, method string) bool {
	_, ok := m.declared.lookup(q, method)
	return ok
}

// indexWants builds wantByRoot and wantLoose (see Model).
func (m *Model) indexWants() {
	m.wantByRoot = map[string][]string{}
	m.wantLoose = nil
	for _, p := range append(append([]string(nil), m.wantPrefix...), m.triggers...) {
		i := strings.IndexByte(p, '.')
		if i <= 0 {
			if !inList(p, m.wantLoose) {
				m.wantLoose = append(m.wantLoose, p)
			}
			continue
		}
		if root := p[:i]; !inList(p, m.wantByRoot[root]) {
			m.wantByRoot[root] = append(m.wantByRoot[root], p)
		}
	}
}

func (m *Model) add(lib Library) error {
	for _, s := range lib.Sources {
		l, err := ParseLabels(s.Labels)
		if err != nil || l == 0 {
			if err == nil {
				err = fmt.Errorf("no labels")
			}
			return fmt.Errorf("source %s: %w", s.Name, err)
		}
		if s.Name == "" {
			return fmt.Errorf("source without a name")
		}
		note := s.Note
		if note == "" {
			note = s.Name
			if s.Call {
				note += "()"
			}
		}
		keeps, err := ParseLabels(s.Keeps)
		if err != nil {
			return fmt.Errorf("source %s: %w", s.Name, err)
		}
		if s.Call {
			m.callSources.add(s.Name, source{l, note, s.Fresh, keeps})
		} else {
			m.attrSources.add(s.Name, source{l, note, false, 0})
			if p, ok := strings.CutSuffix(s.Name, ".*"); ok {
				m.prefixLast[p[strings.LastIndexByte(p, '.')+1:]] = true
			} else {
				m.attrLast[s.Name[strings.LastIndexByte(s.Name, '.')+1:]] = true
			}
		}
	}
	for _, s := range lib.Sinks {
		f, ok := familyBits[s.Family]
		if !ok || s.Func == "" || patternFamilies[s.Family] {
			return fmt.Errorf("sink %q: unknown sink family %q (families: %s)", s.Func, s.Family, strings.Join(SinkFamilies(), ", "))
		}
		for _, a := range s.Args {
			if a < 0 {
				return fmt.Errorf("sink %s: negative argument position %d", s.Func, a)
			}
		}
		args := s.Args
		if args == nil && !s.AllArgs && !s.Recv {
			args = []int{0}
		}
		needs, err := ParseLabels(s.RecvNeeds)
		if err != nil {
			return fmt.Errorf("sink %s: %w", s.Func, err)
		}
		row := sink{family: s.Family, fam: f, args: args, allArgs: s.AllArgs, from: s.From, dropLast: s.DropLast,
			kws: s.Kws, recv: s.Recv, action: s.Action, writeMode: s.WriteMode, recvNeeds: needs}
		prev, _ := m.sinks.lookup(s.Func, "")
		if strings.HasPrefix(s.Func, ".") {
			prev = m.sinks.methods[s.Func[1:]]
		}
		m.sinks.add(s.Func, append(append([]sink(nil), prev...), row))
		switch {
		case f&remoteFamilies != 0:
			// Reached only by request or network data, whose sources
			// make the file worth analysing themselves (see Wants).
		case strings.HasPrefix(s.Func, "."):
			m.wantMethods[s.Func[1:]] = true
		case strings.HasSuffix(s.Func, ".*"):
			m.wantPrefix = append(m.wantPrefix, strings.TrimSuffix(s.Func, "*"))
		default:
			m.wants[s.Func] = true
		}
	}
	for _, s := range lib.Sanitizers {
		fams, err := ParseFamilies(s.Families)
		if err != nil {
			return fmt.Errorf("sanitizer %s: %w", s.Func, err)
		}
		m.sanitizers.add(s.Func, sanitizer{all: strings.TrimSpace(s.Families) == "*", fams: fams})
	}
	for _, p := range lib.Propagators {
		adds, err := ParseLabels(p.Adds)
		if err != nil {
			return fmt.Errorf("propagator %s: %w", p.Func, err)
		}
		var row propagator
		switch p.From {
		case "":
			row = propagator{args: true, recv: true}
		case "args":
			row = propagator{args: true}
		case "recv":
			row = propagator{recv: true}
		case "arg0":
			row = propagator{arg0: true}
		default:
			return fmt.Errorf("propagator %s: from %q is not args, recv, arg0 or empty", p.Func, p.From)
		}
		row.adds = adds
		for _, x := range []struct {
			s string
			l *Labels
		}{{p.Keeps, &row.keeps}, {p.When, &row.when}, {p.Drops, &row.drops}, {p.Unless, &row.unless}} {
			if *x.l, err = ParseLabels(x.s); err != nil {
				return fmt.Errorf("propagator %s: %w", p.Func, err)
			}
		}
		m.props.add(p.Func, row)
	}
	for _, n := range lib.RequestNames {
		m.reqNames[n] = true
	}
	for _, n := range lib.WebRequestNames {
		m.webReqNames[n] = true
	}
	for _, n := range lib.RequestAttrs {
		m.reqAttrs[n] = true
	}
	for _, n := range lib.RequestMethods {
		m.reqMethods[n] = true
	}
	for _, n := range lib.RequestParamTypes {
		m.reqTypes[n] = true
	}
	for _, it := range lib.ItemSinks {
		f, ok := familyBits[it.Family]
		if !ok || it.Name == "" && it.Attr == "" {
			return fmt.Errorf("item sink %s%s: unknown sink family %q or no name", it.Name, it.Attr, it.Family)
		}
		if it.Name != "" {
			m.itemNames[it.Name] |= f
		}
		if it.Attr != "" {
			m.itemAttrs[it.Attr] |= f
		}
	}
	for _, g := range lib.Guards {
		fams, err := ParseFamilies(g.Families)
		if err != nil {
			return fmt.Errorf("guard %s: %w", g.Func, err)
		}
		m.guards.add(g.Func, guard{g.Arg, fams, strings.TrimSpace(g.Families) == "*"})
	}
	m.triggers = append(m.triggers, lib.Triggers...)
	for _, n := range lib.NotRequestParams {
		m.notParams[n] = true
	}
	for _, inv := range lib.Invokers {
		if inv.Func == "" {
			return fmt.Errorf("invoker without a name")
		}
		m.invokers.add(inv.Func, invoker{inv.Fn, inv.FnKw, inv.Args, inv.ArgsKw})
	}
	for _, n := range lib.EventHandlers {
		m.handlers[n] = true
	}
	for _, n := range lib.DependencyMarkers {
		m.depMarkers[n] = true
	}
	m.routes = append(m.routes, lib.RouteDecorators...)
	m.web = append(m.web, lib.Web...)
	return nil
}

// Wants reports whether a call (its qualified name q and, for a method,
// the attribute's name) is one the analysis can report on: files without
// any such call, that are not web applications, are not analysed.
func (m *Model) Wants(q, method string) bool {
	if m.wants[q] || method != "" && m.wantMethods[method] {
		return true
	}
	// A prefix with a dot matches only names with the same first part.
	if i := strings.IndexByte(q, '.'); i > 0 {
		for _, p := range m.wantByRoot[q[:i]] {
			if strings.HasPrefix(q, p) {
				return true
			}
		}
	}
	for _, p := range m.wantLoose {
		if strings.HasPrefix(q, p) {
			return true
		}
	}
	return false
}

// Sends reports whether a call is a "send" sink (data leaving the
// host): the analysis then also labels credentials paths.
func (m *Model) Sends(q, method string) bool {
	rows, ok := m.sinks.lookup(q, method)
	if !ok {
		return false
	}
	for _, r := range rows {
		if r.family == "send" || r.family == "leak-body" {
			return true
		}
	}
	return false
}

// WebModules are the module prefixes of web frameworks.
func (m *Model) WebModules() []string { return m.web }
