package rules

import (
	"strings"

	"github.com/pyward/pyward/python/ast"
)

// destructiveCmd matches commands that destroy a machine's data: recursive
// removal of the root, the home folder or everything under them, making
// file systems, overwriting disks, fork bombs, Windows' recursive deletes.
var destructiveCmd = lazyRegexp(`(?i)(?:\brm\s+(?:-\S*\s+)*-[a-z]*r[a-z]*\s+(?:-\S+\s+)*(?:--no-preserve-root\s+)?(?:/|/\*|~|~/|~/\*|\$HOME|\$\{HOME\}|\$HOME/\*)(?:\s|$|;|&|\|)|\bmkfs(?:\.\w+)?\s+/dev/|\bdd\s+[^;|&]*\bof=/dev/(?:sd|hd|nvme|xvd|vd|mmcblk|disk)|\bshred\s+[^;|&]*/dev/(?:sd|hd|nvme)|:\(\)\s*\{\s*:\s*\|\s*:\s*&\s*\}\s*;\s*:|\bformat\s+c:|\b(?:del|erase)\s+/[sfq]\s+(?:/[sfq]\s+)*[a-z]:\\\s*(?:\*|$)|\brd\s+/s\s+/q\s+[a-z]:\\\s*$)`)

func init() {
	Register(&Rule{
		ID: "PW107", Name: "destructive_command", Severity: High, Confidence: High, CWE: 506,
		Message:        "the code destroys data: recursive removal of / or the home folder, disk formatting or wiping",
		Recommendation: "Remove it. Deleting data should name the application's own folder, never the root or the home folder.",
		Help:           "`rm -rf /`, `rm -rf ~`, `shutil.rmtree('/')` or of the home folder, `mkfs`, `dd of=/dev/sda`, fork bombs and `format c:` wipe machines; wipers hidden in packages use exactly these.",
		Flagged: []string{
			"import os\nos.system('rm -rf / --no-preserve-root')\n",
			"import shutil, os\nshutil.rmtree(os.path.expanduser('~'))\n",
			"import subprocess\nsubprocess.run(['dd', 'if=/dev/zero', 'of=/dev/sda'])\n",
		},
		Clean: []string{
			"import shutil\nshutil.rmtree(build_dir)\n",
			"import os\nos.system('rm -rf ./build')\n",
			"import shutil, os\nshutil.rmtree(os.path.expanduser('~/.cache/myapp'))\n",
		},
		Kinds: []Kind{KindCall},
		CallWhen: func(q, _ string) bool {
			return processFuncs[q] || q == "shutil.rmtree" || q == "os.removedirs"
		},
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			if cmd, ok := c.processCall(call); ok {
				if destructiveCmd.MatchString(cmd) {
					c.Report(call)
				}
				return
			}
			if q := c.CallName(call); (q == "shutil.rmtree" || q == "os.removedirs") && len(call.Args) > 0 {
				if isRootOrHome(c, call.Args[0]) {
					c.Report(call)
				}
			}
		},
	})
}

// isRootOrHome reports whether a path expression is the file system root,
// a drive root or the home folder itself.
func isRootOrHome(c *Context, e ast.Expr) bool {
	if s, ok := fold(e); ok {
		s = strings.TrimRight(strings.TrimSpace(s), "/\\")
		return s == "" || s == "~" || s == "$HOME" || len(s) == 2 && s[1] == ':'
	}
	switch n := e.(type) {
	case *ast.Call:
		q := c.QualName(n.Func)
		switch {
		case q == "os.path.expanduser" && len(n.Args) == 1:
			return isRootOrHome(c, n.Args[0])
		case q == "pathlib.Path.home" || q == "os.getcwd" && false:
			return true
		case (q == "os.getenv" || q == "os.environ.get") && len(n.Args) > 0:
			s, _ := StrConst(n.Args[0])
			return s == "HOME" || s == "USERPROFILE"
		case q == "pathlib.Path" && len(n.Args) == 1:
			return isRootOrHome(c, n.Args[0])
		}
	case *ast.Subscript:
		if c.QualName(n.Value) == "os.environ" {
			s, _ := StrConst(n.Slice)
			return s == "HOME" || s == "USERPROFILE"
		}
	}
	return false
}
