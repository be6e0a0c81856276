package rules

import (
	"strings"

	"github.com/pyward/pyward/python/ast"
)

// This file is the data-flow analysis the PW1xx, PW2xx and PW4xx rules
// share. It follows values through one function (or the module's top
// level) at a time, in statement order: assignments, augmented
// assignments, for targets, with targets, comprehensions, f-strings,
// concatenation, `%`, `.format`, `.join`, subscripts and method calls on a
// value carry its labels; branches are analysed separately and joined.
// Calls of unknown functions do not carry labels (a helper's result is
// not assumed to be its argument): the analysis prefers missing a flow to
// inventing one. It runs once per file, when the first rule asks, after
// the tree walk has recorded every import alias.

// labels is what a value may carry.
type labels uint16

const (
	lUser      labels = 1 << iota // input from the user: input(), sys.argv, the environment, stdin
	lRemote                       // input from the network or a web request: also lUser
	lDecoded                      // decoded or decompressed: base64, hex, rot13, zlib...
	lNetwork                      // downloaded: an HTTP response, a socket read
	lSocket                       // a socket or its file descriptor
	lSensitive                    // credentials: a key file's content, the whole environment
	lEnvAll                       // os.environ itself, not one of its values
	lLibc                         // a ctypes handle on a C library
	lEnv                          // one environment variable's value
)

// Step is one place on the path a finding's value took, for the report
// and SARIF's code flows.
type Step struct {
	Start, End int32
	Note       string
}

const maxTrace = 8

type val struct {
	l     labels
	trace []Step
}

func (v val) with(l labels, s Step) val {
	if v.l&l == l {
		return v
	}
	t := append(append([]Step(nil), v.trace...), s)
	if len(t) > maxTrace {
		t = t[len(t)-maxTrace:]
	}
	return val{v.l | l, t}
}

func join(a, b val) val {
	if a.l == 0 {
		return b
	}
	if b.l == 0 || b.l&^a.l == 0 {
		return a
	}
	return val{a.l | b.l, a.trace}
}

func step(n ast.Located, note string) Step { return Step{n.Pos(), n.End(), note} }

// local reports whether a bare name is defined in the module (a def, a
// class or an assignment at the top level), so that it is not the builtin
// of the same name: py_compile's own compile() is not the builtin.
func (a *analyzer) local(q string) bool {
	if strings.Contains(q, ".") {
		return false
	}
	if a.locals == nil {
		a.locals = map[string]bool{}
		for _, st := range a.c.File.Module.Body {
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

// flowEvent is something a rule reports: where, what, and the path.
type flowEvent struct {
	rule  string
	node  ast.Located
	msg   string
	trace []Step
}

type flowResult struct {
	events []flowEvent
	seen   map[[2]any]bool
}

// flow runs the analysis once per file and returns its events.
func (c *Context) flow() *flowResult {
	if c.flowRes != nil {
		return c.flowRes
	}
	c.flowRes = &flowResult{seen: map[[2]any]bool{}}
	if c.File.Module != nil && (c.flowWanted || c.webFramework()) {
		a := &analyzer{c: c, res: c.flowRes, downloaded: map[string]Step{}, openedVars: map[string]string{}}
		a.block(c.File.Module.Body, map[string]val{})
	}
	return c.flowRes
}

// noteFlowCall is shown every call during the tree walk and remembers
// whether the file has any call the analysis can report on; a file
// without one is not analysed (most are not: the analysis costs as much
// as all the other rules together).
func (c *Context) noteFlowCall(q string, call *ast.Call) {
	if c.flowWanted {
		return
	}
	switch {
	case strings.HasPrefix(q, "requests."), strings.HasPrefix(q, "httpx."), strings.HasPrefix(q, "urllib.request."),
		strings.HasPrefix(q, "smtplib."):
		c.flowWanted, c.sendWanted = true, true
	case codeSinks[q], loadSinks[q], q == "os.dup2", q == "pty.spawn", strings.HasPrefix(q, "ctypes."):
		c.flowWanted = true
	case processFuncs[q]:
		c.flowWanted = true
	}
	if a, ok := call.Func.(*ast.Attribute); ok {
		switch a.Attr {
		case "execute", "executemany", "executescript", "raw":
			c.flowWanted = true
		case "send", "sendall", "sendto", "sendmail":
			c.flowWanted, c.sendWanted = true, true
		}
	}
}

// webFramework reports whether the file imports a web framework, whose
// request data the analysis follows into file paths.
func (c *Context) webFramework() bool {
	for _, m := range []string{"flask", "django", "fastapi", "starlette", "bottle", "aiohttp", "tornado", "pyramid", "falcon", "sanic"} {
		if c.importContains(m) {
			return true
		}
	}
	return false
}

// reportFlow reports the current rule's events.
func (c *Context) reportFlow() {
	for _, e := range c.flow().events {
		if e.rule == c.rule.ID {
			c.findings = append(c.findings, Finding{
				Rule: c.rule, Severity: c.rule.Severity, Confidence: c.rule.Confidence, Message: e.msg,
				Start: e.node.Pos(), End: e.node.End(), ScopeStart: e.node.Pos(), ScopeEnd: e.node.End(),
				Flow: e.trace,
			})
		}
	}
}

type analyzer struct {
	c   *Context
	res *flowResult
	// downloaded are the paths (folded text or variable names) a download
	// was written to, in the current function; openedVars the variables
	// holding files opened for writing, by path.
	downloaded map[string]Step
	openedVars map[string]string
	locals     map[string]bool // names the module defines (see local)
	dup2Seen   bool            // PW103 reported a dup2 in this function
}

// noteOpened remembers `f = open(P, 'w')` and `with open(P, 'w') as f`.
func (a *analyzer) noteOpened(target, value ast.Expr) {
	n, ok := target.(*ast.Name)
	call, ok2 := value.(*ast.Call)
	if !ok || !ok2 {
		return
	}
	if p, what, ok := a.c.writeTarget(call); ok && what == "writes" {
		if k := pathKey(p); k != "" {
			a.openedVars[n.ID] = k
		}
	}
}

func (a *analyzer) emit(rule string, n ast.Located, msg string, trace []Step, sink string) {
	k := [2]any{rule, n}
	if a.res.seen[k] {
		return
	}
	a.res.seen[k] = true
	t := append(append([]Step(nil), trace...), step(n, sink))
	a.res.events = append(a.res.events, flowEvent{rule, n, msg, t})
}

func copyEnv(env map[string]val) map[string]val {
	out := make(map[string]val, len(env))
	for k, v := range env {
		out[k] = v
	}
	return out
}

func mergeInto(dst, src map[string]val) {
	for k, v := range src {
		dst[k] = join(dst[k], v)
	}
}

// block analyses statements in order, updating env.
func (a *analyzer) block(stmts []ast.Stmt, env map[string]val) {
	for _, st := range stmts {
		a.stmt(st, env)
	}
}

func (a *analyzer) stmt(st ast.Stmt, env map[string]val) {
	switch s := st.(type) {
	case *ast.FunctionDef:
		a.function(s.Args, s.Body, s.DecoratorList)
	case *ast.AsyncFunctionDef:
		a.function(s.Args, s.Body, s.DecoratorList)
	case *ast.ClassDef:
		a.block(s.Body, map[string]val{})
	case *ast.Assign:
		v := a.eval(s.Value, env)
		for _, t := range s.Targets {
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
			a.eval(s.Value, env)
		}
	case *ast.If:
		a.eval(s.Test, env)
		e1, e2 := copyEnv(env), copyEnv(env)
		for _, name := range guarded(s.Test) {
			e1[name] = val{} // checked against literals: only those values get through
		}
		a.block(s.Body, e1)
		a.block(s.Orelse, e2)
		for k := range env {
			delete(env, k)
		}
		mergeInto(env, e1)
		mergeInto(env, e2)
	case *ast.For:
		a.loop(s.Target, s.Iter, s.Body, s.Orelse, env)
	case *ast.AsyncFor:
		a.loop(s.Target, s.Iter, s.Body, s.Orelse, env)
	case *ast.While:
		a.eval(s.Test, env)
		e := copyEnv(env)
		a.block(s.Body, e)
		mergeInto(env, e)
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
		out := copyEnv(env)
		for _, cs := range s.Cases {
			e := copyEnv(env)
			a.block(cs.Body, e)
			mergeInto(out, e)
		}
		for k, v := range out {
			env[k] = v
		}
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
	e := copyEnv(env)
	a.bind(target, v, e)
	a.block(body, e)
	mergeInto(env, e)
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
	out := copyEnv(env)
	for _, h := range handlers {
		e := copyEnv(env)
		a.block(h.Body, e)
		mergeInto(out, e)
	}
	a.block(orelse, out)
	a.block(final, out)
	for k, v := range out {
		env[k] = v
	}
}

// guarded lists the names an if-test pins to literal values:
// `x in ('a', 'b')`, `x == 'a'`, joined by `and`.
func guarded(test ast.Expr) []string {
	switch t := test.(type) {
	case *ast.BoolOp:
		if t.Op == ast.And {
			var out []string
			for _, v := range t.Values {
				out = append(out, guarded(v)...)
			}
			return out
		}
	case *ast.Compare:
		n, ok := t.Left.(*ast.Name)
		if !ok || len(t.Ops) != 1 {
			return nil
		}
		switch t.Ops[0] {
		case ast.Eq:
			if _, ok := t.Comparators[0].(*ast.Constant); ok {
				return []string{n.ID}
			}
		case ast.In:
			var elts []ast.Expr
			switch c := t.Comparators[0].(type) {
			case *ast.Tuple:
				elts = c.Elts
			case *ast.List:
				elts = c.Elts
			case *ast.Set:
				elts = c.Elts
			default:
				return nil
			}
			for _, e := range elts {
				if _, ok := e.(*ast.Constant); !ok {
					return nil
				}
			}
			return []string{n.ID}
		}
	}
	return nil
}

// routeDecorator recognises web framework route decorators, whose
// function's parameters come from the request.
var routeDecorator = lazyRegexp(`\.(route|get|post|put|patch|delete|api_route|websocket)$`)

// notRequestParams are view parameters frameworks fill with objects, not
// with request data.
var notRequestParams = map[string]bool{"self": true, "cls": true, "request": true, "req": true, "db": true, "session": true,
	"current_user": true, "user": true, "background_tasks": true, "response": true, "settings": true}

func (a *analyzer) function(args *ast.Arguments, body []ast.Stmt, decorators []ast.Expr) {
	saved, savedOpen, savedDup := a.downloaded, a.openedVars, a.dup2Seen
	a.downloaded, a.openedVars, a.dup2Seen = map[string]Step{}, map[string]string{}, false
	defer func() { a.downloaded, a.openedVars, a.dup2Seen = saved, savedOpen, savedDup }()
	env := map[string]val{}
	route := false
	for _, d := range decorators {
		if call, ok := d.(*ast.Call); ok {
			if q := a.c.QualName(call.Func); routeDecorator.MatchString(q) {
				route = true
			}
		}
	}
	if route && args != nil {
		all := append(append(append([]*ast.Arg{}, args.Posonlyargs...), args.Args...), args.Kwonlyargs...)
		for _, p := range all {
			if !notRequestParams[p.Arg] && !isDependency(p) {
				env[p.Arg] = val{}.with(lUser|lRemote, step(p, "request parameter "+p.Arg))
			}
		}
	}
	a.block(body, env)
}

// isDependency: a FastAPI parameter with a Depends(...) default is filled
// by the application. Annotations are not read; defaults are not kept on
// Arg, so this only checks the annotation for Depends.
func isDependency(p *ast.Arg) bool {
	if p.Annotation == nil {
		return false
	}
	found := false
	ast.Inspect(p.Annotation, func(n ast.Node) bool {
		if c, ok := n.(*ast.Call); ok && (isName(c.Func, "Depends") || isName(c.Func, "Security")) {
			found = true
		}
		return !found
	})
	return found
}

// bind assigns v to a target.
func (a *analyzer) bind(t ast.Expr, v val, env map[string]val) {
	switch t := t.(type) {
	case *ast.Name:
		if v.l != 0 {
			v.trace = append(v.trace[:len(v.trace):len(v.trace)], step(t, "assigned to "+t.ID))
			if len(v.trace) > maxTrace {
				v.trace = v.trace[len(v.trace)-maxTrace:]
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
		a.eval(t.Value, env)
	case *ast.Subscript:
		a.eval(t.Value, env)
		a.eval(t.Slice, env)
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

// Sets of qualified names the analysis knows.
var (
	decoders = map[string]bool{
		"base64.b64decode": true, "base64.b32decode": true, "base64.b16decode": true, "base64.a85decode": true,
		"base64.b85decode": true, "base64.decodebytes": true, "base64.decodestring": true, "base64.urlsafe_b64decode": true,
		"base64.standard_b64decode": true, "binascii.unhexlify": true, "binascii.a2b_base64": true, "binascii.a2b_hex": true,
		"binascii.a2b_uu": true, "bytes.fromhex": true, "bytearray.fromhex": true, "codecs.decode": true,
		"zlib.decompress": true, "gzip.decompress": true, "bz2.decompress": true, "lzma.decompress": true,
	}
	codeSinks = map[string]bool{"eval": true, "exec": true, "compile": true, "execfile": true,
		"builtins.eval": true, "builtins.exec": true, "builtins.compile": true, "types.FunctionType": true, "types.CodeType": true}
	loadSinks = map[string]bool{"pickle.loads": true, "pickle.load": true, "cPickle.loads": true, "marshal.loads": true,
		"marshal.load": true, "dill.loads": true, "dill.load": true, "shelve.open": true, "jsonpickle.decode": true,
		"yaml.load": true, "yaml.unsafe_load": true, "yaml.full_load": true, "joblib.load": true, "torch.load": true,
		"pandas.read_pickle": true, "_pickle.loads": true}
	sanitizers = map[string]bool{"shlex.quote": true, "pipes.quote": true, "int": true, "float": true, "bool": true,
		"len": true, "os.path.basename": true, "werkzeug.utils.secure_filename": true, "html.escape": true,
		"markupsafe.escape": true, "bleach.clean": true, "re.escape": true, "uuid.UUID": true, "hash": true,
		"django.utils.html.escape": true, "ord": true, "abs": true, "round": true, "isinstance": true, "type": true}
	carriers = map[string]bool{"str": true, "bytes": true, "bytearray": true, "repr": true, "format": true, "list": true,
		"tuple": true, "dict": true, "set": true, "sorted": true, "reversed": true,
		"os.path.join": true, "os.path.expanduser": true, "os.path.abspath": true,
		"os.path.normpath": true, "os.path.realpath": true, "pathlib.Path": true, "json.dumps": true, "json.loads": true,
		"urllib.parse.quote": true, "urllib.parse.unquote": true, "urllib.parse.urlencode": true, "pickle.loads": true,
		"marshal.loads": true, "pickle.dumps": true, "textwrap.dedent": true, "string.Template": true,
		"io.BytesIO": true, "io.StringIO": true, "urllib.request.Request": true, "copy.copy": true, "copy.deepcopy": true}
	// Methods that return (part of) their receiver or arguments.
	carrierMethods = map[string]bool{"strip": true, "lstrip": true, "rstrip": true, "lower": true, "upper": true,
		"replace": true, "split": true, "rsplit": true, "splitlines": true, "format": true, "join": true, "encode": true,
		"decode": true, "read": true, "readline": true, "readlines": true, "get": true, "json": true, "getlist": true,
		"get_json": true, "get_data": true, "copy": true, "items": true, "values": true, "keys": true, "pop": true,
		"partition": true, "rpartition": true, "casefold": true, "title": true, "capitalize": true, "expandtabs": true,
		"ljust": true, "rjust": true, "zfill": true, "center": true, "removeprefix": true, "removesuffix": true,
		"recv": true, "recvfrom": true, "makefile": true, "fileno": true, "accept": true, "iter_content": true,
		"iter_lines": true, "text": true, "content": true, "getvalue": true, "setdefault": true, "translate": true,
		"Request": true}
	userSources = map[string]bool{"input": true, "raw_input": true, "builtins.input": true,
		"sys.stdin.read": true, "sys.stdin.readline": true, "sys.stdin.readlines": true}
	envSources     = map[string]bool{"os.getenv": true, "os.environ.get": true, "os.getenvb": true}
	networkSources = map[string]bool{"urllib.request.urlopen": true, "urllib.urlopen": true, "urllib2.urlopen": true,
		"requests.get": true, "requests.post": true, "requests.request": true,
		"httpx.get": true, "httpx.post": true, "httpx.request": true, "urllib3.request": true,
		"http.client.HTTPResponse": true}
	// Network sockets (socketpair and fromfd are local plumbing).
	socketMakers = map[string]bool{"socket.socket": true, "socket.create_connection": true,
		"ssl.wrap_socket": true, "socket.create_server": true}
	libcMakers = map[string]bool{"ctypes.CDLL": true, "ctypes.PyDLL": true, "ctypes.cdll.LoadLibrary": true,
		"ctypes.CDLL.LoadLibrary": true, "ctypes.WinDLL": true, "ctypes.windll.LoadLibrary": true}
	// webRequestAttrs are the request attributes that carry client data.
	webRequestAttrs = map[string]bool{"args": true, "form": true, "values": true, "json": true, "data": true,
		"cookies": true, "headers": true, "files": true, "GET": true, "POST": true, "body": true, "COOKIES": true,
		"META": true, "FILES": true, "query_params": true, "path_params": true, "path": true, "path_info": true,
		"get_json": true, "get_data": true, "stream": true, "query_string": true, "full_path": true, "url": true}
)

// sensitiveNeedles are pieces of the paths where credentials live
// (lower case; matched without regard to case).
var sensitiveNeedles = []string{".ssh/id_", ".ssh/authorized_keys", ".ssh/config", ".aws/credentials", ".aws/config",
	".netrc", ".git-credentials", ".docker/config.json", ".kube/config", ".config/gcloud", ".azure/", ".npmrc",
	".pypirc", "/etc/shadow", "login data", "/cookies", ".mozilla/firefox", "local state", "keychain",
	".bash_history", ".zsh_history", ".gnupg", "wallet.dat"}

// sensitivePath reports whether a string names a credentials file. It is
// called for every string constant, so it avoids regular expressions and
// allocation.
func sensitivePath(s string) bool {
	if len(s) < 5 || len(s) > 300 || !strings.ContainsAny(s, "./") && !strings.Contains(s, " ") {
		return false
	}
	for _, n := range sensitiveNeedles {
		if indexFold(s, n) {
			return true
		}
	}
	return false
}

// indexFold reports whether s contains the lower-case ASCII needle,
// ignoring ASCII case.
func indexFold(s, needle string) bool {
	for i := 0; i+len(needle) <= len(s); i++ {
		j := 0
		for ; j < len(needle); j++ {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != needle[j] {
				break
			}
		}
		if j == len(needle) {
			return true
		}
	}
	return false
}

// eval computes an expression's labels and checks the sinks in it.
func (a *analyzer) eval(e ast.Expr, env map[string]val) val {
	switch n := e.(type) {
	case nil:
		return val{}
	case *ast.Name:
		return env[n.ID]
	case *ast.Constant:
		// Credentials paths matter only where something is sent out.
		if a.c.sendWanted && n.Kind == ast.ConstStr && sensitivePath(n.Str) {
			return val{}.with(lSensitive, step(n, "credentials path"))
		}
		return val{}
	case *ast.Attribute:
		q := ""
		if n.Attr == "argv" || n.Attr == "stdin" || n.Attr == "environ" || webRequestAttrs[n.Attr] {
			q = a.c.QualName(n) // only for the names the cases below can match
		}
		switch {
		case q == "sys.argv":
			return val{}.with(lUser, step(n, "sys.argv"))
		case q == "sys.stdin":
			return val{}.with(lUser, step(n, "sys.stdin"))
		case q == "os.environ":
			return val{}.with(lEnv|lEnvAll, step(n, "os.environ"))
		case strings.HasPrefix(q, "flask.request.") || strings.HasPrefix(q, "bottle.request."):
			return val{}.with(lUser|lRemote, step(n, strings.TrimPrefix(strings.TrimPrefix(q, "flask."), "bottle.")))
		}
		if base, ok := n.Value.(*ast.Name); ok && (base.ID == "request" || base.ID == "req") && webRequestAttrs[n.Attr] {
			return val{}.with(lUser|lRemote, step(n, base.ID+"."+n.Attr))
		}
		if k := attrKey(n); k != "" {
			if v, ok := env[k]; ok {
				return v
			}
		}
		v := a.eval(n.Value, env)
		v.l &^= lEnvAll
		return v
	case *ast.Subscript:
		v := a.eval(n.Value, env)
		a.eval(n.Slice, env)
		v.l &^= lEnvAll // one variable, not the whole environment
		return v
	case *ast.BinOp:
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

func (a *analyzer) evalAll(es []ast.Expr, env map[string]val) val {
	var v val
	for _, x := range es {
		v = join(v, a.eval(x, env))
	}
	return v
}

func (a *analyzer) comprehension(elt, value ast.Expr, gens []*ast.Comprehension, env map[string]val) val {
	e := copyEnv(env)
	for _, g := range gens {
		a.bind(g.Target, a.eval(g.Iter, e), e)
		a.evalAll(g.Ifs, e)
	}
	v := a.eval(elt, e)
	if value != nil {
		v = join(v, a.eval(value, e))
	}
	return v
}

// call evaluates a call: the labels of its result, and the sinks it is.
func (a *analyzer) call(call *ast.Call, env map[string]val) val {
	args := make([]val, len(call.Args))
	var all val
	for i, x := range call.Args {
		args[i] = a.eval(x, env)
		all = join(all, args[i])
	}
	kws := map[string]val{}
	for _, kw := range call.Keywords {
		v := a.eval(kw.Value, env)
		if kw.Arg != nil {
			kws[*kw.Arg] = v
		}
		all = join(all, v)
	}
	q := a.c.QualName(call.Func)
	last := lastPart(q)
	var recv val
	attr, isMethod := call.Func.(*ast.Attribute)
	if isMethod {
		recv = a.eval(attr.Value, env)
	}
	a.sinks(call, q, args, kws, all, recv, env)

	switch {
	case userSources[q] && !a.local(q):
		return all.with(lUser, step(call, q+"()"))
	case envSources[q]:
		return all.with(lEnv, step(call, q+"()"))
	case q == "open" || q == "io.open" || q == "codecs.open" || q == "builtins.open":
		// What a file holds is not chosen by whoever chose its name; a
		// credentials file's content is still a credential.
		return val{all.l & lSensitive, all.trace}
	case networkSources[q] || strings.HasPrefix(q, "requests.") && inList(last, []string{"get", "post", "put", "patch", "request"}):
		return all.with(lNetwork|lUser|lRemote, step(call, q+"() response"))
	case socketMakers[q]:
		return val{}.with(lSocket, step(call, q+"()"))
	case libcMakers[q] || strings.HasPrefix(q, "ctypes.cdll.") || strings.HasPrefix(q, "ctypes.CDLL"):
		return val{}.with(lLibc, step(call, q+"()"))
	case decoders[q]:
		return all.with(lDecoded, step(call, "decoded by "+q))
	case sanitizers[q]:
		all.l &^= lUser | lRemote | lEnv
		return all
	case carriers[q]:
		return all
	case isMethod && (carrierMethods[attr.Attr] || recv.l&(lSocket|lNetwork|lLibc) != 0):
		v := join(recv, all)
		if attr.Attr == "decode" && len(call.Args) > 0 {
			if enc, ok := StrConst(call.Args[0]); ok {
				if _, ok := decodeAs("", enc); ok && !strings.Contains(strings.ToLower(enc), "utf") && !strings.Contains(strings.ToLower(enc), "ascii") && !strings.Contains(strings.ToLower(enc), "latin") {
					v = v.with(lDecoded, step(call, "decoded as "+enc))
				}
			}
		}
		if attr.Attr == "recv" || attr.Attr == "recvfrom" || attr.Attr == "makefile" {
			if recv.l&lSocket != 0 {
				v = val{v.l &^ lSocket, v.trace}.with(lNetwork|lUser|lRemote, step(call, "read from a socket"))
			}
		}
		if attr.Attr == "fileno" || attr.Attr == "accept" {
			v.l |= recv.l & lSocket
		}
		return v
	}
	return val{}
}

// procArgs are the labels of what a process call runs: its command
// arguments, not its other keywords.
func procArgs(args []val, kws map[string]val) val {
	var v val
	for _, x := range args {
		v = join(v, x)
	}
	return join(v, kws["args"])
}

// sinks checks one call against every sink the rules know.
func (a *analyzer) sinks(call *ast.Call, q string, args []val, kws map[string]val, all, recv val, env map[string]val) {
	first := val{}
	if len(args) > 0 {
		first = args[0]
	}
	isProcess := false
	if _, ok := a.c.processCall(call); ok {
		isProcess = true
	}
	switch {
	case codeSinks[q] && !a.local(q):
		switch {
		case first.l&lNetwork != 0:
			a.emit("PW102", call, "code downloaded from the network is executed", first.trace, "executed by "+q)
		case first.l&lDecoded != 0:
			a.emit("PW101", call, "decoded or decompressed data is executed as code", first.trace, "executed by "+q)
		}
		if first.l&(lUser|lEnv) != 0 && first.l&lNetwork == 0 {
			a.emit("PW401", call, "user input reaches "+q+"(): it runs as Python code", first.trace, "runs as code in "+q)
		}
	case loadSinks[q]:
		switch {
		case first.l&lNetwork != 0:
			a.emit("PW102", call, "data downloaded from the network is deserialized by "+q+", which runs code", first.trace, "deserialized by "+q)
		case first.l&lDecoded != 0 && (strings.HasPrefix(q, "marshal.") || strings.Contains(q, "pickle")):
			a.emit("PW101", call, "decoded data is deserialized by "+q+", a way to hide code", first.trace, "deserialized by "+q)
		case first.l&(lUser|lEnv) != 0:
			a.emit("PW403", call, "user input is deserialized by "+q+", which can run code", first.trace, "deserialized by "+q)
		}
	case isProcess:
		cmd := procArgs(args, kws)
		switch {
		case cmd.l&lNetwork != 0:
			a.emit("PW102", call, "a downloaded command is run", cmd.trace, "run by "+q)
		case cmd.l&lDecoded != 0:
			a.emit("PW101", call, "a decoded command is run", cmd.trace, "run by "+q)
		case cmd.l&lUser != 0:
			a.emit("PW402", call, "user input reaches the command run by "+q, cmd.trace, "run by "+q)
		}
		if len(call.Args) > 0 {
			prog := call.Args[0]
			if l, ok := prog.(*ast.List); ok && len(l.Elts) > 0 {
				prog = l.Elts[0]
			} else if t, ok := prog.(*ast.Tuple); ok && len(t.Elts) > 0 {
				prog = t.Elts[0]
			}
			if k := pathKey(prog); k != "" {
				if s, ok := a.downloaded[k]; ok {
					a.emit("PW102", call, "a downloaded file is run", []Step{s}, "run by "+q)
				}
			}
		}
		for _, std := range []string{"stdin", "stdout", "stderr"} {
			if kws[std].l&lSocket != 0 {
				a.emit("PW103", call, "a process's "+std+" is wired to a socket: a remote shell", kws[std].trace, "run by "+q)
				break
			}
		}
		if q == "pty.spawn" && len(call.Args) > 0 {
			if s, ok := fold(call.Args[0]); ok && isShell(s) {
				a.emit("PW103", call, "pty.spawn starts an interactive shell (the reverse-shell upgrade)", nil, "pty.spawn")
			}
		}
	}
	switch {
	case q == "os.dup2" && len(args) == 2 && args[0].l&lSocket != 0 && !a.dup2Seen:
		if k, ok := intConst(call.Args[1]); !ok || k >= 0 && k <= 2 {
			a.dup2Seen = true // once per function: shells duplicate 0, 1 and 2
			a.emit("PW103", call, "standard input or output is replaced by a socket: a reverse or bind shell", args[0].trace, "os.dup2")
		}
	case isMethod(call) && recv.l&lLibc != 0:
		if m := call.Func.(*ast.Attribute).Attr; libcDanger[m] {
			a.emit("PW207", call, "a C library function ("+m+") is called through ctypes, bypassing Python's own checks", recv.trace, "ctypes ."+m)
		}
	case q == "urllib.request.urlretrieve" && len(call.Args) > 1:
		if k := pathKey(call.Args[1]); k != "" {
			a.downloaded[k] = step(call, "downloaded to "+k)
		}
	case (q == "os.chmod" || q == "os.fchmod") && len(call.Args) > 1:
		if k := pathKey(call.Args[0]); k != "" {
			if s, ok := a.downloaded[k]; ok && execMode(call.Args[1]) {
				a.emit("PW102", call, "a downloaded file is made executable", []Step{s}, "made executable by "+q)
			}
		}
	}
	// A downloaded body written to a file: open(P, 'wb').write(data), or
	// f.write(data) on a file opened for writing.
	if m, ok := call.Func.(*ast.Attribute); ok && m.Attr == "write" && len(args) > 0 && args[0].l&lNetwork != 0 {
		if k := a.openedPath(m.Value, env); k != "" {
			a.downloaded[k] = step(call, "downloaded data written to "+k)
		}
	}
	// Exfiltration: credentials or the whole environment sent out.
	if leaked := join(all, recv); leaked.l&(lSensitive|lEnvAll) != 0 && a.sendsOut(call, q, recv) {
		src := leaked
		a.emit("PW105", call, "credentials or the whole environment are sent over the network", src.trace, "sent by "+q)
	}
	// SQL built with user input.
	if m, ok := call.Func.(*ast.Attribute); ok && (m.Attr == "execute" || m.Attr == "executemany" || m.Attr == "executescript" || m.Attr == "raw") && first.l&(lUser|lEnv) != 0 {
		a.emit("PW404", call, "user input is part of the SQL text run by "+m.Attr+"(): SQL injection", first.trace, "SQL run by "+m.Attr)
	}
	// A file path chosen by a web client.
	if p, what, ok := a.c.writeTarget(call); ok || q == "open" || q == "io.open" || q == "builtins.open" || q == "send_file" || q == "flask.send_file" {
		if !ok && len(call.Args) > 0 {
			p, what = call.Args[0], "opens"
		}
		if p != nil {
			if v := a.eval(p, env); v.l&lRemote != 0 {
				a.emit("PW405", call, "a file path from the request "+what+" a file: path traversal", v.trace, "path used by "+q)
			}
		}
	}
}

func isMethod(call *ast.Call) bool {
	_, ok := call.Func.(*ast.Attribute)
	return ok
}

var libcDanger = map[string]bool{"setuid": true, "setgid": true, "seteuid": true, "setegid": true, "setreuid": true,
	"setresuid": true, "setresgid": true, "system": true, "execve": true, "execv": true, "execvp": true, "execl": true,
	"ptrace": true, "mprotect": true, "init_module": true, "finit_module": true, "mount": true, "umount": true,
	"umount2": true, "chroot": true, "prctl": true, "popen": true}

func isShell(s string) bool {
	s = strings.TrimSpace(s)
	for _, sh := range []string{"sh", "bash", "zsh", "dash", "ksh", "csh", "tcsh", "fish", "ash", "powershell", "cmd"} {
		if s == sh || strings.HasSuffix(s, "/"+sh) || strings.HasPrefix(s, sh+" ") || strings.Contains(s, "/"+sh+" ") {
			return true
		}
	}
	return false
}

// pathKey identifies a path expression across statements: its folded
// text, or the variable holding it.
func pathKey(e ast.Expr) string {
	if s, ok := fold(e); ok {
		return "'" + s + "'"
	}
	if n, ok := e.(*ast.Name); ok {
		return n.ID
	}
	return ""
}

// openedPath is the path of `open(P, 'w...')` in `open(...).write()`, or
// of the file a with-statement opened, tracked through env.
func (a *analyzer) openedPath(e ast.Expr, env map[string]val) string {
	if call, ok := e.(*ast.Call); ok {
		if p, what, ok := a.c.writeTarget(call); ok && what == "writes" {
			return pathKey(p)
		}
	}
	if n, ok := e.(*ast.Name); ok {
		return a.openedVars[n.ID]
	}
	return ""
}

// execMode reports whether a chmod mode gives execute permission.
func execMode(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Constant:
			if k, ok := intConst(n); ok && k&0o111 != 0 {
				found = true
			}
		case *ast.Attribute:
			if strings.HasPrefix(n.Attr, "S_IX") || n.Attr == "S_IEXEC" || n.Attr == "S_IRWXU" {
				found = true
			}
		}
		return !found
	})
	return found
}

// sendsOut recognises calls that send data over the network.
func (a *analyzer) sendsOut(call *ast.Call, q string, recv val) bool {
	last := lastPart(q)
	switch {
	case strings.HasPrefix(q, "requests.") || strings.HasPrefix(q, "httpx.") || strings.HasPrefix(q, "urllib3."):
		return true
	case q == "urllib.request.urlopen" || q == "urllib.request.Request" || q == "urllib2.urlopen" || q == "urllib2.Request":
		return true
	case strings.HasPrefix(q, "smtplib.") || strings.HasPrefix(q, "ftplib."):
		return true
	}
	if isMethod(call) {
		switch last {
		case "send", "sendall", "sendto", "sendmail", "send_message", "storbinary", "post", "put":
			return recv.l&lSocket != 0 || last == "sendmail" || last == "send_message" || last == "storbinary" || last == "post" || last == "put"
		}
	}
	return false
}
