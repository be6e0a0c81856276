package rules

import (
	"net/netip"
	"strings"

	"github.com/pyward/pyward/python/ast"
)

// A beacon is a request that sends nothing but the host's identity to a
// fixed address and does not read the answer: what a dependency-confusion
// probe or a stealer's first check-in does with one fingerprint (the user
// name, the host name, the MAC address or the current folder). Honest
// code that sends one fingerprint does it otherwise: a monitoring agent's
// heartbeat carries a status or metrics beside its host name, to a server
// it was configured with; an API client that puts the login name in a URL
// reads the reply. One fingerprint alone is therefore PW105 only in the
// beacon's shape (see probeLike for two kinds or a call-home endpoint).

// identityWrappers are the calls whose result is their arguments' text
// in another form: a fingerprint passed through them is still only a
// fingerprint. By qualified name, and by method name for str and bytes
// methods.
var identityWrappers = map[string]bool{
	"str": true, "repr": true, "hex": true, "format": true, "bytes": true, "dict": true, "list": true, "tuple": true,
	"urllib.parse.urlencode": true, "urllib.parse.quote": true, "urllib.parse.quote_plus": true, "json.dumps": true,
	"base64.b64encode": true, "base64.urlsafe_b64encode": true, "base64.b32encode": true, "base64.b16encode": true,
	"binascii.hexlify": true, "codecs.encode": true, "os.fsencode": true, "os.path.basename": true,
}

var identityMethods = map[string]bool{"encode": true, "decode": true, "hex": true, "lower": true, "upper": true,
	"strip": true, "format": true, "join": true, "replace": true}

// beacon reports whether call, a request that a fingerprint reaches, is
// a beacon: every argument (and those of the connection it is a method
// of) is a literal or a fingerprint, one of the literals is an address
// off the host and its private network, and the result is not read.
func (c *Context) beacon(call *ast.Call) bool {
	dest := false
	check := func(call *ast.Call) bool {
		for _, a := range call.Args {
			if !c.onlyIdentity(a, 0) {
				return false
			}
			dest = dest || remoteAddress(c.foldPrefix(a), a)
		}
		for _, k := range call.Keywords {
			if k.Arg == nil || !c.onlyIdentity(k.Value, 0) {
				return false
			}
			dest = dest || remoteAddress(c.foldPrefix(k.Value), k.Value)
		}
		return true
	}
	if !check(call) {
		return false
	}
	// A method of a connection (http.client's c.request, a session's
	// post): the connection's own arguments count too, its host first.
	if m, ok := call.Func.(*ast.Attribute); ok {
		if q := c.QualName(m.Value); q == "" || !c.Imported(q) {
			ctor := c.constructed(m.Value)
			if ctor == nil || !check(ctor) {
				return false
			}
		}
	}
	return dest && c.resultIgnored(call)
}

// constructed is the call that made the object e names: e itself, or
// the value last assigned to the variable e.
func (c *Context) constructed(e ast.Expr) *ast.Call {
	if n, ok := e.(*ast.Name); ok {
		e = c.values[n.ID]
	}
	call, _ := e.(*ast.Call)
	return call
}

// onlyIdentity reports whether e is built only from literals and host
// fingerprints, through variables, containers, concatenation, f-strings
// and identityWrappers.
func (c *Context) onlyIdentity(e ast.Expr, depth int) bool {
	if depth > 8 {
		return false
	}
	all := func(es []ast.Expr) bool {
		for _, x := range es {
			if x != nil && !c.onlyIdentity(x, depth+1) {
				return false
			}
		}
		return true
	}
	switch n := e.(type) {
	case *ast.Constant:
		return true
	case *ast.Name:
		v, ok := c.values[n.ID]
		return ok && v != nil && c.onlyIdentity(v, depth+1)
	case *ast.Attribute:
		if _, ok := n.Value.(*ast.Call); ok { // os.uname().nodename
			return c.onlyIdentity(n.Value, depth+1)
		}
		// A constant a library defines: socket.AF_INET, ssl.PROTOCOL_TLS.
		q := c.QualName(n)
		i := strings.LastIndexByte(q, '.')
		return i > 0 && strings.ToUpper(n.Attr) == n.Attr && c.Imported(q[:i])
	case *ast.Call:
		q := c.QualName(n.Func)
		if fingerprintKinds[q] != 0 {
			return true
		}
		m, isMethod := n.Func.(*ast.Attribute)
		if !identityWrappers[q] && !(isMethod && identityMethods[m.Attr]) {
			return false
		}
		if isMethod && identityMethods[m.Attr] && !c.onlyIdentity(m.Value, depth+1) {
			return false
		}
		for _, k := range n.Keywords {
			if !c.onlyIdentity(k.Value, depth+1) {
				return false
			}
		}
		return all(n.Args)
	case *ast.BinOp:
		return c.onlyIdentity(n.Left, depth+1) && c.onlyIdentity(n.Right, depth+1)
	case *ast.JoinedStr:
		return all(n.Values)
	case *ast.FormattedValue:
		return c.onlyIdentity(n.Value, depth+1)
	case *ast.Dict:
		return all(n.Keys) && all(n.Values)
	case *ast.List:
		return all(n.Elts)
	case *ast.Tuple:
		return all(n.Elts)
	case *ast.Set:
		return all(n.Elts)
	}
	return false
}

// remoteAddress reports whether s, the known beginning of an argument,
// is a URL or a host name or address that is off the host and its
// private network. A bare host must look like one (a dot and a
// top-level domain of letters), not like a version or a file name.
func remoteAddress(s string, e ast.Expr) bool {
	if t, ok := e.(*ast.Tuple); ok && len(t.Elts) == 2 { // (host, port)
		s, _ = StrConst(t.Elts[0])
	}
	host, _, url := hostOf(s)
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if h, _, err := splitPort(host); err == nil {
		host = h
	}
	if host == "" || !url && strings.ContainsAny(s, "/\\") {
		return false
	}
	if ip, err := netip.ParseAddr(strings.Trim(host, "[]")); err == nil {
		return !ip.IsPrivate() && !ip.IsLoopback() && !ip.IsLinkLocalUnicast() && !ip.IsUnspecified()
	}
	i := strings.LastIndexByte(host, '.')
	if i <= 0 || i == len(host)-1 {
		return false
	}
	for _, r := range host[i+1:] {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	// Names on the host or its network, and those reserved for
	// documentation and tests (RFC 2606), which examples use.
	for _, local := range []string{".localhost", ".local", ".internal", ".lan", ".home.arpa", ".example", ".test", ".invalid",
		".example.com", ".example.org", ".example.net"} {
		if strings.HasSuffix("."+host, local) {
			return false
		}
	}
	return true
}

// resultIgnored reports whether the value call returns is not read: the
// call is a statement by itself (or the receiver of one, as in
// urlopen(...).close()), or its result is assigned to a name the file
// never reads. An http.client request's answer is read through the
// connection's getresponse().
func (c *Context) resultIgnored(call *ast.Call) bool {
	st := c.innermostStmt(call)
	switch s := st.(type) {
	case *ast.ExprStmt:
		outer, ok := s.Value.(*ast.Call)
		if s.Value != call && !(ok && isReceiver(outer, call)) {
			return false
		}
		if m, ok := call.Func.(*ast.Attribute); ok && m.Attr == "request" {
			if n, ok := m.Value.(*ast.Name); ok {
				return !c.readsAttr(n.ID, "getresponse")
			}
		}
		return true
	case *ast.Assign:
		n, ok := s.Targets[0].(*ast.Name)
		return ok && len(s.Targets) == 1 && s.Value == call && !c.readsName(n.ID)
	}
	return false
}

func isReceiver(outer, inner *ast.Call) bool {
	m, ok := outer.Func.(*ast.Attribute)
	return ok && m.Value == inner
}

// innermostStmt is the deepest statement of the module that holds n.
func (c *Context) innermostStmt(n ast.Located) ast.Stmt {
	var found ast.Stmt
	visit := func(x ast.Node) bool {
		l, ok := x.(ast.Located)
		if !ok {
			return true // a handler's or a case's parts
		}
		if l.Pos() > n.Pos() || l.End() < n.End() {
			return false
		}
		if st, ok := x.(ast.Stmt); ok {
			found = st
		}
		return l != n
	}
	for _, st := range c.File.Module.Body {
		ast.Inspect(st, visit)
	}
	return found
}

// readsName reports whether the module reads the variable id anywhere.
func (c *Context) readsName(id string) bool {
	found := false
	ast.Inspect(c.File.Module, func(x ast.Node) bool {
		if n, ok := x.(*ast.Name); ok && n.ID == id && n.Ctx == ast.Load {
			found = true
		}
		return !found
	})
	return found
}

// readsAttr reports whether the module reads attribute attr of the
// variable id (c.getresponse).
func (c *Context) readsAttr(id, attr string) bool {
	found := false
	ast.Inspect(c.File.Module, func(x ast.Node) bool {
		if a, ok := x.(*ast.Attribute); ok && a.Attr == attr {
			if n, ok := a.Value.(*ast.Name); ok && n.ID == id {
				found = true
			}
		}
		return !found
	})
	return found
}
