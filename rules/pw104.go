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
	// Part by part without splitting: PW104's CallWhen asks this of every
	// name called, and a list of the parts for each was an allocation.
	for {
		part, rest, more := strings.Cut(s, ".")
		if dangerousNames[strings.TrimSpace(part)] {
			return true
		}
		if !more {
			return false
		}
		s = rest
	}
}

// stringReachedDanger are the functions whose lookup by string, even a
// literal one (`getattr(os, "system")`, `__import__("os").system`,
// `sys.modules["subprocess"].Popen`), is hiding: honest code names them.
// Matched on the resolved qualified name; processFuncs and the code
// sinks are added below.
var stringReachedDanger = map[string]bool{
	"exec": true, "eval": true, "compile": true, "execfile": true, "os.popen": true, "os.system": true,
	"pty.spawn": true, "marshal.loads": true, "pickle.loads": true, "types.FunctionType": true,
	"types.CodeType": true, "os.dup2": true, "os.startfile": true, "socket.socket": true,
	"urllib.request.urlopen": true, "urllib.request.urlretrieve": true,
	"base64.b64decode": true, "zlib.decompress": true, "codecs.decode": true,
}

// reachedByStringDanger reports whether a resolved name is one whose
// lookup by string hides it.
func reachedByStringDanger(q string) bool {
	if stringReachedDanger[q] || processFuncs[q] {
		return true
	}
	return false
}

func init() {
	Register(&Rule{
		ID: "PW104", Name: "obfuscated_dynamic_access", Severity: High, Confidence: High, CWE: 506,
		Message:        "a module or function is looked up by a computed name that spells a dangerous one",
		Recommendation: "Import and call the function by name; if this is third-party code, treat it as hostile.",
		Help: "`__import__('o' + 's')`, `importlib.import_module(base64.b64decode(...).decode())`, `getattr(os, 'sys' + 'tem')`, " +
			"`getattr(__builtins__, 'ev' + 'al')`, `getattr(builtins, b'\\x85\\xa7\\x85\\x83'.decode('cp1026'))`, `sys.modules['o' + 's']`: " +
			"names assembled from pieces, reversed, decoded or built from `chr()` so that a reader or a " +
			"scanner searching for `os.system` does not see it. Calling a process, exec or ctypes function reached by a literal string " +
			"(`getattr(os, 'system')(...)`, `__import__('subprocess').Popen(...)`, `sys.modules['os'].system(...)`, `vars(__builtins__)['exec'](...)`) " +
			"is flagged too: the name is written, but hidden from a search for the call. Every rule sees such calls under their real name " +
			"(the shared name resolution), so `getattr(os, 'system')('id')` is also B605. Plain lookups of harmless names " +
			"(`getattr(obj, 'name')`, `__import__('json')`) and of dangerous ones that are not called, such as `getattr(builtins, 'exec')` " +
			"in a compatibility shim, are not flagged.",
		Flagged: []string{
			"m = __import__('o' + 's')\n",
			"import importlib, base64\nimportlib.import_module(base64.b64decode('c3VicHJvY2Vzcw==').decode())\n",
			"import os\ngetattr(os, 'metsys'[::-1])('id')\n",
			"getattr(__builtins__, 'ex' + 'ec')(code)\n",
			"import os\ngetattr(os, 'system')('id')\n",
			"__import__('subprocess').check_output(['id'])\n",
			"import sys\nsys.modules['o' + 's'].system('id')\n",
			"vars(__builtins__)['exec'](code)\n",
			"import builtins\ngetattr(builtins, b'\\x85\\xa7\\x85\\x83'.decode('cp1026'))(code)\n",
		},
		Clean: []string{
			"mod = __import__('json')\n",
			"getattr(obj, 'handle_' + kind)(event)\n",
			"import importlib\nimportlib.import_module('plugins.' + name)\n",
			"import builtins\nexec_ = getattr(builtins, 'exec')\n",
			"__import__('pkg_resources').declare_namespace(__name__)\n",
			"import os\nuid = getattr(os, 'getuid', None)\n",
		},
		Kinds: []Kind{KindCall},
		CallWhen: func(q, _ string) bool {
			return q == "__import__" || q == "importlib.import_module" || q == "importlib.__import__" || q == "getattr" ||
				spellsDanger(q) || reachedByStringDanger(q)
		},
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			q := c.CallName(call)
			var nameArg ast.Expr
			switch {
			case q == "__import__" || q == "importlib.import_module" || q == "importlib.__import__":
				if len(call.Args) > 0 {
					nameArg = call.Args[0]
				}
			case q == "getattr":
				if len(call.Args) >= 2 {
					nameArg = call.Args[1]
				}
			}
			if nameArg != nil {
				// The lookup itself, by a computed name.
				if !isLiteral(nameArg) {
					if s, ok := fold(nameArg); ok && spellsDanger(s) {
						c.Report(call)
						return
					}
				}
			}
			// A call of a function reached by string: computed names
			// were reported at their lookup call, above, except
			// subscripts (sys.modules[...], vars(...)[...]).
			switch call.Func.(type) {
			case *ast.Call, *ast.Subscript, *ast.Attribute, *ast.Name:
			default:
				return
			}
			how := c.callHow(call)
			if how == reachPlain {
				return
			}
			if how == reachComputed && computedSubscript(c, call.Func) && spellsDanger(q) {
				c.Report(call)
				return
			}
			if reachedByStringDanger(q) && !computedLookupCall(call.Func) {
				c.ReportWith(call, c.rule.Severity, c.rule.Confidence, "a dangerous function ("+q+") is reached by a string instead of its name")
			}
		},
	})
}

// computedSubscript reports whether a lookup chain has a subscript whose
// key is computed (sys.modules['o' + 's']).
func computedSubscript(c *Context, e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if s, ok := n.(*ast.Subscript); ok && !isLiteral(s.Slice) {
			if _, ok := fold(s.Slice); ok {
				found = true
			}
		}
		return !found
	})
	return found
}

// computedLookupCall reports whether a lookup chain contains a getattr or
// __import__ call with a computed name, which was reported at that call.
func computedLookupCall(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if call, ok := n.(*ast.Call); ok {
			for i, a := range call.Args {
				if i > 1 {
					break
				}
				if _, isStr := fold(a); isStr && !isLiteral(a) && (isName(call.Func, "getattr") || isName(call.Func, "__import__") || nameIs(call.Func, "import_module")) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}
