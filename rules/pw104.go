package rules

import (
	"strings"

	"github.com/pyward/pyward/python/ast"
)

// dangerousNames are modules and functions whose name, computed at run
// time instead of written, is a sign of hiding what the code does.
var dangerousNames = map[string]bool{
	"os": true, "subprocess": true, "system": true, "popen": true, "Popen": true, "exec": true, "eval": true,
	"execfile": true, "compile": true, "builtins": true, "__builtins__": true, "__builtin__": true, "socket": true,
	"pty": true, "ctypes": true, "marshal": true, "pickle": true, "loads": true, "check_output": true,
	"check_call": true, "call": true, "run": true, "spawn": true, "getoutput": true, "execv": true, "execve": true,
	"urllib": true, "urlopen": true, "requests": true, "b64decode": true, "base64": true, "zlib": true,
	"__import__": true, "import_module": true, "setuid": true, "dup2": true, "connect": true,
}

// spellsDanger reports whether a computed name names something in
// dangerousNames ("os", "os.system", "subprocess.Popen").
func spellsDanger(s string) bool {
	for _, part := range strings.Split(s, ".") {
		if dangerousNames[strings.TrimSpace(part)] {
			return true
		}
	}
	return false
}

func init() {
	Register(&Rule{
		ID: "PW104", Name: "obfuscated_dynamic_access", Severity: High, Confidence: High, CWE: 506,
		Message:        "a module or function is looked up by a computed name that spells a dangerous one",
		Recommendation: "Import and call the function by name; if this is third-party code, treat it as hostile.",
		Help: "`__import__('o' + 's')`, `importlib.import_module(base64.b64decode(...).decode())`, `getattr(os, 'sys' + 'tem')`, " +
			"`getattr(__builtins__, 'ev' + 'al')`: names assembled from pieces, reversed, decoded or built from `chr()` so that a reader or a " +
			"scanner searching for `os.system` does not see it. Plain literals (`getattr(obj, 'name')`) and names that are not dangerous are not flagged" +
			" (`getattr(builtins, 'exec')` is a common compatibility shim).",
		Flagged: []string{
			"m = __import__('o' + 's')\n",
			"import importlib, base64\nimportlib.import_module(base64.b64decode('c3VicHJvY2Vzcw==').decode())\n",
			"import os\ngetattr(os, 'metsys'[::-1])('id')\n",
			"getattr(__builtins__, 'ex' + 'ec')(code)\n",
		},
		Clean: []string{
			"mod = __import__('json')\n",
			"getattr(obj, 'handle_' + kind)(event)\n",
			"import importlib\nimportlib.import_module('plugins.' + name)\n",
		},
		Kinds:    []Kind{KindCall},
		CallLast: []string{"__import__", "import_module", "getattr"},
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			q := c.CallName(call)
			var nameArg ast.Expr
			switch {
			case q == "__import__" || q == "builtins.__import__" || q == "importlib.import_module" || q == "importlib.__import__":
				if len(call.Args) > 0 {
					nameArg = call.Args[0]
				}
			case q == "getattr" || q == "builtins.getattr":
				if len(call.Args) < 2 {
					return
				}
				nameArg = call.Args[1]
			default:
				return
			}
			if nameArg == nil || isLiteral(nameArg) {
				return
			}
			if s, ok := fold(nameArg); ok && spellsDanger(s) {
				c.Report(call)
			}
		},
	})
}
