package rules

import (
	"strings"

	"github.com/pyward/pyward/python/ast"
)

// systemPath matches the start of a path in the operating system's own
// folders, where programs should never write.
var systemPath = lazyRegexp(`(?i)^(?:/(?:etc|usr|boot|sys|proc|bin|sbin|lib|lib32|lib64|var/spool/cron|var/lib/dpkg|var/lib/rpm)(?:/|$)|/dev/(?:sd|hd|nvme|xvd|vd|mem|kmem|port|mapper|disk)|[a-z]:[\\/]+windows[\\/]+(?:system32|syswow64)(?:[\\/]|$))`)

// shellWritesSystem finds a command redirecting to, copying to, or
// editing a file in a system folder.
var shellWritesSystem = lazyRegexp(`(?:>>?\s*|\btee\s+(?:-a\s+)?|\b(?:cp|mv|install|ln)\s+(?:-\S+\s+)*\S+\s+|\bsed\s+-i\S*\s+(?:'[^']*'|"[^"]*"|\S+)\s+|\brm\s+(?:-\S+\s+)*)/(?:etc|usr|boot|sys|bin|sbin|lib)/`)

func init() {
	Register(&Rule{
		ID: "PW204", Name: "system_path_modified", Severity: High, Confidence: Medium, CWE: 732,
		Message:        "the code writes, removes or changes files in a system folder",
		Recommendation: "Leave system folders to the package manager and the administrator; write to the user's or the application's own folders.",
		Help:           "Writing under /etc, /usr, /boot, /sys, /proc, /bin, /lib, the cron spools, block devices or C:\\Windows\\System32 changes the machine for every user: hosts files, sudoers, libraries and boot files are what attackers modify. Reading these paths is fine.",
		Flagged:        []string{"open('/etc/hosts', 'a').write(line)\n", "import shutil\nshutil.copy(lib, '/usr/lib/libz.so.1')\n", "import os\nos.system('echo ok >> /etc/sudoers')\n"},
		Clean:          []string{"open('/etc/hosts').read()\n", "open('/dev/null', 'w')\n", "open(os.path.join(home, '.config/app.ini'), 'w')\n"},
		Kinds:          []Kind{KindCall},
		CallWhen:       func(q, method string) bool { return processFuncs[q] || writeTargetName(q, method) },
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			if cmd, ok := c.processCall(call); ok {
				if shellWritesSystem.MatchString(cmd) {
					c.Report(call)
				}
				return
			}
			if p, _, ok := c.writeTarget(call); ok {
				if prefix := c.foldPrefix(p); systemPath.MatchString(prefix) && !strings.HasPrefix(prefix, "/proc/self/") {
					c.Report(call)
				}
			}
		},
	})
}
