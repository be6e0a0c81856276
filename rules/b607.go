package rules

import (
	"github.com/pyward/pyward/python/ast"
)

func init() {
	Register(&Rule{
		ID: "B607", Name: "start_process_with_partial_path",
		Severity: Low, Confidence: High, CWE: 78,
		Message:        "process started with a partial path: the program is looked up on PATH, which an attacker may control",
		Recommendation: "Name the program by its full path (/usr/bin/git), or resolve it once with shutil.which and check the result.",
		Help:           "A program named without a path is searched for in the directories of `PATH`. Whoever controls `PATH` or a directory on it chooses what runs.",
		Flagged: []string{
			"import subprocess\nsubprocess.Popen(['ls', '-l'])\n",
			"import os\nos.system('ls')\n",
			"import os\nos.execlp('git', 'git', 'status')\n",
		},
		Clean: []string{
			"import subprocess\nsubprocess.Popen(['/bin/ls', '-l'])\n",
			"import os\nos.system('./run.sh')\n",
			"import subprocess\nsubprocess.call([])\n",
			"import subprocess\nsubprocess.call(cmd)\n",
			"import os\nos.system('C:\\\\Windows\\\\notepad.exe')\n",
		},
		Options:   shellOptions,
		Kinds:     []Kind{KindCall},
		CallLists: []string{"subprocess", "shell", "no_shell"},
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			if len(call.Args) == 0 {
				return
			}
			q := c.CallName(call)
			if !inList(q, c.List("subprocess")) && !inList(q, c.List("shell")) && !inList(q, c.List("no_shell")) {
				return
			}
			first := call.Args[0]
			if l, ok := first.(*ast.List); ok && len(l.Elts) > 0 {
				first = l.Elts[0]
			}
			if s, ok := StrConst(first); ok && !fullPath(s) {
				c.Report(call)
			}
		},
	})
}

// fullPath reports whether a command names its program by path: it starts
// with '/', '\', '.', or a drive letter and ':'.
func fullPath(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '/', '\\', '.':
		return true
	}
	c := s[0] | 0x20
	return len(s) > 1 && c >= 'a' && c <= 'z' && s[1] == ':'
}
