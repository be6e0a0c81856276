package rules

import (
	"strings"

	"github.com/pyward/pyward/python/ast"
)

func init() {
	Register(&Rule{
		ID: "B108", Name: "hardcoded_tmp_directory", Severity: Medium, Confidence: Medium, CWE: 377,
		Message:        "hard-coded path in a shared temporary directory",
		Recommendation: "Create temporary files and folders with the tempfile module (mkstemp, TemporaryDirectory), which picks unpredictable names safely.",
		Help:           "Every user can create files in `/tmp`. A fixed name there can be created first, or replaced by a symlink, by another user: the program then reads or overwrites a file of the attacker's choosing.",
		Flagged:        []string{"open('/tmp/cache.json', 'w')\n", "LOG = f'/var/tmp/{name}.log'\n"},
		Clean:          []string{"import tempfile\ntempfile.mkstemp()\n", "open('/home/app/tmp/x')\n"},
		Options: []Option{{Name: "tmp_dirs", Default: []string{"/tmp", "/var/tmp", "/dev/shm"},
			Help: "path prefixes that are shared temporary directories"}},
		Kinds: []Kind{KindStr},
		Check: func(c *Context, n ast.Node) {
			s := n.(*ast.Constant)
			for _, dir := range c.List("tmp_dirs") {
				if strings.HasPrefix(s.Str, dir) {
					c.Report(s)
					return
				}
			}
		},
	})
}
