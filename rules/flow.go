package rules

import (
	"fmt"
	"strings"

	"github.com/pyward/pyward/flow"
	"github.com/pyward/pyward/python/ast"
)

// The data-flow analysis is package flow's; this file runs it once per
// file, when the first rule asks, after the tree walk has recorded every
// import alias, and maps the sink families it reports to rules: the
// same family is a different rule depending on the labels that reach it
// (a downloaded command is PW102, a typed one PW402).

// Step is one place on the path a finding's value took, for the report
// and SARIF's code flows.
type Step = flow.Step

// flowEvent is something a rule reports: where, what, and the path.
type flowEvent struct {
	rule  string
	node  ast.Located
	msg   string
	trace []Step
}

type flowResult struct {
	events []flowEvent
}

// flowHost is what the analysis sees of a file.
type flowHost struct {
	c       *Context
	modules map[string]bool
}

func (h *flowHost) QualName(e ast.Expr) string     { return h.c.absName(e) }
func (h *flowHost) Fold(e ast.Expr) (string, bool) { return fold(e) }

// Calls lists the module's calls as the rules' walk met them, once it is
// over (flow.CallLister).
func (h *flowHost) Calls() ([]*ast.Call, bool) { return h.c.callNodes, h.c.walked }
func (h *flowHost) Refs() ([]ast.Expr, bool)   { return h.c.refNodes, h.c.walked }
func (h *flowHost) CallMarks() []flow.CallMark { return h.c.callMarks }

// IsModule: names bound by `import X` (and `import X as Y`), anywhere
// in the module's statements.
func (h *flowHost) IsModule(q string) bool {
	if h.modules == nil {
		h.modules = map[string]bool{}
		var walk func([]ast.Stmt)
		walk = func(body []ast.Stmt) {
			for _, st := range body {
				switch s := st.(type) {
				case *ast.Import:
					for _, a := range s.Names {
						h.modules[a.Name] = true
						for n := a.Name; strings.Contains(n, "."); {
							n = n[:strings.LastIndexByte(n, '.')]
							h.modules[n] = true
						}
					}
				case *ast.If:
					walk(s.Body)
					walk(s.Orelse)
				case *ast.Try:
					walk(s.Body)
					for _, hd := range s.Handlers {
						walk(hd.Body)
					}
					walk(s.Orelse)
				case *ast.FunctionDef:
					walk(s.Body)
				case *ast.AsyncFunctionDef:
					walk(s.Body)
				case *ast.ClassDef:
					walk(s.Body)
				}
			}
		}
		walk(h.c.File.Module.Body)
	}
	return h.modules[q]
}

// allEntries makes the analysis start from every function (see
// flow.Options.AllEntries): TestEntryPointsKeepEvents compares.
var allEntries bool

// flow runs the analysis once per file and returns its events.
func (c *Context) flow() *flowResult {
	if c.flowRes != nil {
		return c.flowRes
	}
	c.flowRes = &flowResult{}
	if c.File.Module != nil && (c.flowWanted || c.webFramework()) {
		seen := map[[2]any]bool{}
		for _, e := range flow.Analyze(c.File.Module, &flowHost{c: c}, c.flowModel(), flow.Options{Credentials: c.sendWanted, Program: c.program, Path: c.File.Name, AllEntries: allEntries}) {
			for _, r := range flowRules(e) {
				if r.rule == charcodesOnly {
					// A payload that folds must look like code: compile(chr(0x4000))
					// tests a string, it hides nothing.
					if call, ok := e.Node.(*ast.Call); !ok || len(call.Args) == 0 {
						continue
					} else if src, _, ok := c.foldVar(call.Args[0]); ok && !looksLikeCode(src) {
						continue
					}
					r.rule = "PW101"
				}
				if r.rule == remoteOnly {
					if call, ok := e.Node.(*ast.Call); !ok || !c.probeLike(call) {
						continue
					}
					r.rule = "PW105"
				}
				if r.rule == builtNameOnly {
					if call, ok := e.Node.(*ast.Call); !ok || len(call.Args) == 0 || !c.builtName(call.Args[0], 0) {
						continue
					}
					r.rule = "PW105"
				}
				if r.rule == localCommandOnly {
					// A program restarting itself on its own command line
					// (see restart.go) injects nothing.
					if call, ok := e.Node.(*ast.Call); ok && e.Via == nil && c.restartsItself(call) {
						continue
					}
					r.rule = "PW402"
				}
				if r.rule == callHomeOnly {
					if call, ok := e.Node.(*ast.Call); !ok || !c.callsHome(call) {
						continue
					}
					r.rule = "PW105"
				}
				k := [2]any{r.rule, e.Node}
				if seen[k] {
					continue
				}
				seen[k] = true
				last := Step{Start: e.Node.Pos(), End: e.Node.End(), Note: r.note}
				if e.Via != nil {
					// The sink is in another file: the path ends there.
					last = e.Via.Sink
					last.Note = r.note
					r.msg = viaMessage(r.msg, e.Via)
				}
				t := append(append([]Step(nil), e.Trace...), last)
				c.flowRes.events = append(c.flowRes.events, flowEvent{r.rule, e.Node, r.msg, t})
			}
		}
	}
	return c.flowRes
}

type flowRule struct{ rule, msg, note string }

// callHomeOnly marks a PW105 event that counts only when the call names
// a call-home endpoint (indicators.go).
const callHomeOnly = "PW105 to a call-home endpoint"

// charcodesOnly marks a PW101 event on text built from character codes,
// and remoteOnly a PW105 event on a request, checked in Context.flow.
const (
	charcodesOnly = "PW101 of built text"
	remoteOnly    = "PW105 off the host"
)

// localCommandOnly marks a PW402 event from local input (the command
// line, the terminal), which counts unless the program restarts itself
// on its own command line (Context.restartsItself).
const localCommandOnly = "PW402 unless a restart"

// builtNameOnly marks a PW105 event on a DNS lookup, which counts only
// when the looked-up name is built from pieces (data + '.attacker.zone'):
// resolving the machine's own name is an everyday idiom.
const builtNameOnly = "PW105 in a built DNS name"

// dnsLookups are the calls that resolve a name.
var dnsLookups = map[string]bool{"socket.gethostbyname": true, "socket.gethostbyname_ex": true, "socket.getaddrinfo": true,
	"dns.resolver.resolve": true, "dns.resolver.query": true, "dns.resolver.Resolver.resolve": true}

// builtName reports whether a name is assembled from pieces: a
// concatenation, an f-string, a format or join call, or a variable
// assigned one.
func (c *Context) builtName(e ast.Expr, depth int) bool {
	switch n := e.(type) {
	case *ast.BinOp, *ast.JoinedStr:
		return true
	case *ast.Call:
		if a, ok := n.Func.(*ast.Attribute); ok && (a.Attr == "format" || a.Attr == "join") {
			return true
		}
	case *ast.Name:
		if v, ok := c.values[n.ID]; ok && depth < 4 {
			return c.builtName(v, depth+1)
		}
	}
	return false
}

// The malware models' own labels (flow/models_exfil.go).
var (
	credential  = flow.Label("credential")
	fingerprint = flow.Label("fingerprint")
	charcodes   = flow.Label("charcodes")
)

// flowRules maps one event to the rules it is: by its sink family and
// the labels that reached the sink. Environment variables count for
// code, deserialization and SQL but not commands or paths, and paths
// count only request data (see docs/decisions.md, "Data flow").
func flowRules(e flow.Event) []flowRule {
	l, q := e.Labels, e.Callee
	var out []flowRule
	switch e.Family {
	case "code":
		switch {
		case l&flow.Network != 0:
			out = append(out, flowRule{"PW102", "code downloaded from the network is executed", "executed by " + q})
		case l&flow.Decoded != 0:
			out = append(out, flowRule{"PW101", "decoded or decompressed data is executed as code", "executed by " + q})
		case l&charcodes != 0:
			out = append(out, flowRule{charcodesOnly, "code built from character codes or reversed text is executed", "executed by " + q})
		}
		if l&(flow.User|flow.Env) != 0 && l&flow.Network == 0 {
			out = append(out, flowRule{"PW401", "user input reaches " + q + "(): it runs as Python code", "runs as code in " + q})
		}
	case "deserialize":
		switch {
		case l&flow.Network != 0:
			out = append(out, flowRule{"PW102", "data downloaded from the network is deserialized by " + q + ", which runs code", "deserialized by " + q})
		case l&flow.Decoded != 0 && (strings.HasPrefix(q, "marshal.") || strings.Contains(q, "pickle")):
			out = append(out, flowRule{"PW101", "decoded data is deserialized by " + q + ", a way to hide code", "deserialized by " + q})
		case l&(flow.User|flow.Env) != 0:
			out = append(out, flowRule{"PW403", "user input is deserialized by " + q + ", which can run code", "deserialized by " + q})
		}
	case "command":
		switch {
		case l&flow.Network != 0:
			out = append(out, flowRule{"PW102", "a downloaded command is run", "run by " + q})
		case l&flow.Decoded != 0:
			out = append(out, flowRule{"PW101", "a decoded command is run", "run by " + q})
		case l&flow.User != 0 && l&flow.Remote == 0:
			out = append(out, flowRule{localCommandOnly, "user input reaches the command run by " + q, "run by " + q})
		case l&flow.User != 0:
			out = append(out, flowRule{"PW402", "user input reaches the command run by " + q, "run by " + q})
		}
	case "process-stdio":
		out = append(out, flowRule{"PW103", "a process's " + e.Action + " is wired to a socket: a remote shell", "run by " + q})
	case "shell-spawn":
		out = append(out, flowRule{"PW103", "pty.spawn starts an interactive shell (the reverse-shell upgrade)", "pty.spawn"})
	case "fd-redirect":
		out = append(out, flowRule{"PW103", "standard input or output is replaced by a socket: a reverse or bind shell", "os.dup2"})
	case "libc-call":
		out = append(out, flowRule{"PW207", "a C library function (" + q + ") is called through ctypes, bypassing Python's own checks", "ctypes ." + q})
	case "download-run":
		out = append(out, flowRule{"PW102", "a downloaded file is run", "run by " + q})
	case "download-chmod":
		out = append(out, flowRule{"PW102", "a downloaded file is made executable", "made executable by " + q})
	case "send":
		if l&(flow.Sensitive|flow.EnvAll) != 0 {
			out = append(out, flowRule{"PW105", "credentials or the whole environment are sent over the network", "sent by " + q})
		}
	case "leak":
		switch {
		case l&fingerprint != 0 && dnsLookups[q]:
			out = append(out, flowRule{builtNameOnly, "facts identifying the host are sent in a DNS name: DNS exfiltration", "resolved by " + q})
		case l&fingerprint != 0:
			out = append(out, flowRule{remoteOnly, "facts identifying the host or its user are sent off the host", "sent by " + q})
		case l&credential != 0:
			// A secret in a URL is how some APIs take their key; to a
			// call-home endpoint it is a theft (see Context.flow).
			out = append(out, flowRule{callHomeOnly, "a secret from the environment is sent to a call-home endpoint", "sent by " + q})
		}
	case "leak-body":
		if l&(credential|flow.Sensitive) != 0 {
			out = append(out, flowRule{"PW105", "a secret from the environment is sent off the host", "sent by " + q})
		}
	case "sql":
		if l&(flow.User|flow.Env) != 0 {
			out = append(out, flowRule{"PW404", "user input is part of the SQL text run by " + q + "(): SQL injection", "SQL run by " + q})
		}
	case "path":
		if l&flow.Remote != 0 {
			out = append(out, flowRule{"PW405", "a file path from the request " + e.Action + " a file: path traversal", "path used by " + q})
		}
	default:
		if r, ok := webFlowRules[e.Family]; ok && l&r.labels != 0 {
			out = append(out, flowRule{r.rule, fmt.Sprintf(r.msg, q), fmt.Sprintf(r.note, q)})
		}
	}
	return out
}

// noteFlowCall is shown every call during the tree walk and remembers
// whether the file has any call the analysis can report on; a file
// without one is not analysed (most are not: the analysis costs as much
// as all the other rules together).
func (c *Context) noteFlowCall(e *callRules) {
	c.fpKinds |= e.fp
	if e.wants {
		c.flowWanted = true
		if e.sends {
			c.sendWanted = true
		}
	}
}

// webFramework reports whether the file imports a web framework, whose
// request data the analysis follows into file paths.
func (c *Context) webFramework() bool {
	for _, m := range c.flowModel().WebModules() {
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
