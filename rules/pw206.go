package rules

import (
	"strings"

	"github.com/pyward/pyward/python/ast"
)

var firewallCmd = lazyRegexp(`(?:^|[;&|]\s*)(?:sudo\s+(?:-\S+\s+)*)?(?:/s?bin/|/usr/s?bin/)?(?:iptables|ip6tables|iptables-restore|nft|ufw|firewall-cmd|pfctl|netsh\s+(?:adv)?firewall)(?:\s|$)`)

func init() {
	Register(&Rule{
		ID: "PW206", Name: "firewall_change", Severity: High, Confidence: Medium, CWE: 284,
		Message:        "the code changes firewall rules",
		Recommendation: "Leave firewall rules to the administrator's configuration management.",
		Help:           "iptables, nft, ufw, firewall-cmd, pfctl and netsh firewall commands (and the python-iptables module) open or close the machine's network access: malware uses them to expose a backdoor or cut off monitoring.",
		Flagged:        []string{"import os\nos.system('iptables -F')\n", "import subprocess\nsubprocess.call(['ufw', 'disable'])\n"},
		Clean:          []string{"import subprocess\nsubprocess.call(['ss', '-tlnp'])\n"},
		Kinds:          []Kind{KindCall},
		CallWhen:       func(q, _ string) bool { return processFuncs[q] || strings.HasPrefix(q, "iptc.") },
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			if cmd, ok := c.processCall(call); ok {
				if firewallCmd.MatchString(cmd) {
					c.Report(call)
				}
				return
			}
			if q := c.CallName(call); strings.HasPrefix(q, "iptc.") && (strings.HasSuffix(q, ".Rule") || strings.HasSuffix(q, ".Chain") || strings.HasSuffix(q, ".Table")) {
				c.Report(call)
			}
		},
	})
}
