package rules

import "github.com/pyward/pyward/python/ast"

// The process-spawning functions B602–B607 know, with Bandit's defaults
// (its shell_injection plugin options).
var (
	subprocessFuncs = []string{
		"subprocess.Popen", "subprocess.call", "subprocess.check_call",
		"subprocess.check_output", "subprocess.run",
	}
	shellFuncs = []string{
		"os.system", "os.popen", "os.popen2", "os.popen3", "os.popen4",
		"popen2.popen2", "popen2.popen3", "popen2.popen4", "popen2.Popen3", "popen2.Popen4",
		"commands.getoutput", "commands.getstatusoutput",
		"subprocess.getoutput", "subprocess.getstatusoutput",
	}
	noShellFuncs = []string{
		"os.execl", "os.execle", "os.execlp", "os.execlpe", "os.execv", "os.execve",
		"os.execvp", "os.execvpe", "os.spawnl", "os.spawnle", "os.spawnlp", "os.spawnlpe",
		"os.spawnv", "os.spawnve", "os.spawnvp", "os.spawnvpe", "os.startfile",
	}
)

// shellOptions are the options of B602–B607: which functions are which,
// as Bandit's shell_injection plugin options.
var shellOptions = []Option{
	{Name: "subprocess", Default: subprocessFuncs, Help: "functions that run a process and take a shell argument"},
	{Name: "shell", Default: shellFuncs, Help: "functions that always run their command through a shell"},
	{Name: "no_shell", Default: noShellFuncs, Help: "functions that start a process without a shell"},
}

// shellTruthy reports whether a call passes a true `shell` argument, by
// Python's truth rules for literals: `shell=1`, `shell=[x]` and
// `shell='False'` (a non-empty string) are true; `shell=0`, `shell=None`,
// `shell=”`, `shell=[]` are false; an expression whose value is unknown
// (a variable, a call) counts as true, since it may be.
func shellTruthy(call *ast.Call) (*ast.Keyword, bool) {
	kw := KeywordNode(call, "shell")
	if kw == nil {
		return nil, false
	}
	switch v := kw.Value.(type) {
	case *ast.Constant:
		switch v.Kind {
		case ast.ConstTrue, ast.ConstEllipsis:
			return kw, true
		case ast.ConstFalse, ast.ConstNone:
			return kw, false
		case ast.ConstInt:
			return kw, v.Int != 0 || v.BigInt != nil
		case ast.ConstFloat, ast.ConstComplex:
			return kw, v.Float != 0
		case ast.ConstStr, ast.ConstBytes:
			return kw, v.Str != ""
		}
	case *ast.List:
		return kw, len(v.Elts) > 0
	case *ast.Tuple:
		return kw, len(v.Elts) > 0
	case *ast.Dict:
		return kw, len(v.Keys) > 0
	}
	return kw, true
}

// commandSeverity is how severe running a command is: LOW when the command
// is a string literal, HIGH when it is built at run time and may carry
// input.
func commandSeverity(call *ast.Call) Level {
	if len(call.Args) > 0 {
		if _, ok := StrConst(call.Args[0]); ok {
			return Low
		}
	}
	return High
}
