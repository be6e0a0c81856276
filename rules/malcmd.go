package rules

import (
	"strings"

	"github.com/pyward/pyward/python/ast"
)

// dropperCmd matches command lines that fetch something from the network
// and run it in the same breath: `curl … | sh`, `wget -O- … | bash`,
// PowerShell's download cradles, Windows' living-off-the-land
// downloaders (mshta, certutil, bitsadmin, regsvr32 scriptlets), and
// interactive shells sent to a TCP address. These are the commands
// droppers and install hooks run; build scripts download with pinned
// tools instead.
var dropperCmd = lazyRegexp(`(?i)(?:\b(?:curl|wget|fetch)\b[^|;&]*\|\s*(?:sudo\s+)?(?:ba|z|da|k)?sh\b|\b(?:curl|wget)\b[^|;&]*\|\s*(?:sudo\s+)?python[0-9.]*\b|\b(?:curl|wget)\b[^;&|]*(?:-o|-O|--output)\s*\S+\s*(?:;|&&)\s*(?:chmod\s+\S*x\S*\s+\S+\s*(?:;|&&)\s*)?(?:\./|/tmp/|/dev/shm/|\$TMPDIR|~/|\S*\.exe\b|start\b)|\biex\b|invoke-expression|downloadstring|downloadfile|invoke-webrequest|\biwr\s+http|\bstart-process\b[^;]*http|-e(?:nc|ncodedcommand)\s+[A-Za-z0-9+/=]{20,}|\bmshta\s+(?:http|vbscript|javascript)|\bcertutil\b[^;]*-urlcache|\bbitsadmin\b[^;]*/transfer|\bregsvr32\b[^;]*/i:http|/dev/tcp/|\bnc(?:at)?\s+(?:-\S+\s+)*-e\s|\bbase64\s+(?:-d|--decode)\b[^;]*\|\s*(?:ba)?sh\b|\bpython[0-9.]*\s+-c\s+[^;]*(?:urlopen|urllib|requests\.get|socket)[^;]*exec)`)

// hostileInline matches inline code and command lines that reach for the
// network, a shell or hidden code: what `python -c '…'` or `sh -c '…'`
// runs at install time in malicious packages, and what a pkg-config or
// compiler probe never contains.
var hostileInline = lazyRegexp(`(?i)(?:https?://|\bftp://|\bcurl\b|\bwget\b|urlopen|urlretrieve|urllib|requests\.(?:get|post)|\bsocket\b|\bexec\s*\(|\beval\s*\(|b64decode|base64\s+-d|marshal|os\.system|\bpopen\b|dup2|/dev/tcp|\bnc\s|powershell|\bmshta\b|certutil|bitsadmin|\bchmod\s+\S*x|startfile|\.exe\b)`)

// callCommand is commandText for the call the tree walk is at, computed
// once for the rules that ask it in a row.
func (c *Context) callCommand(call *ast.Call) (string, bool) {
	if c.cmdCall != call {
		c.cmdCall = call
		c.cmdText, c.cmdOK = c.commandText(call)
	}
	return c.cmdText, c.cmdOK
}

// commandText is the command a process call runs as far as it is known:
// folded parts, the known prefix of parts computed at run time followed
// by "?", and "?" for the rest, joined by spaces.
func (c *Context) commandText(call *ast.Call) (string, bool) {
	q := c.CallName(call)
	if !processFuncs[q] && q != "os.startfile" {
		return "", false
	}
	var args []ast.Expr
	switch {
	case strings.HasPrefix(q, "os.exec"), strings.HasPrefix(q, "os.spawn"), q == "asyncio.create_subprocess_exec":
		args = call.Args
	case len(call.Args) > 0:
		args = call.Args[:1]
	default:
		if a := Keyword(call, "args"); a != nil {
			args = []ast.Expr{a}
		}
	}
	var parts []string
	for _, a := range args {
		elts := []ast.Expr{a}
		switch l := a.(type) {
		case *ast.List:
			elts = l.Elts
		case *ast.Tuple:
			elts = l.Elts
		}
		for _, x := range elts {
			if s, ok := fold(x); ok {
				parts = append(parts, s)
			} else {
				parts = append(parts, c.foldPrefix(x)+"?")
			}
		}
	}
	return strings.Join(parts, " "), true
}
