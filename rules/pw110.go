package rules

import (
	"strings"

	"github.com/pyward/pyward/python/ast"
)

// injectionCalls are the Windows API functions that write code into
// another process or start a thread in it: process injection.
var injectionCalls = map[string]bool{"WriteProcessMemory": true, "CreateRemoteThread": true, "CreateRemoteThreadEx": true,
	"NtCreateThreadEx": true, "RtlCreateUserThread": true, "QueueUserAPC": true, "NtQueueApcThread": true,
	"SetThreadContext": true, "NtWriteVirtualMemory": true, "VirtualAllocEx": true, "NtMapViewOfSection": true}

// dropPath matches where a dropped program or library gets run without
// being asked: the Startup folder, and DLLs (or python.exe stand-ins)
// planted beside applications that load them (DLL search-order
// hijacking): Program Files, AppData's application folders, WindowsApps,
// System32.
var dropPath = lazyRegexp(`(?i)(?:start menu/programs/startup/|/microsoft/windows/start menu/programs/startup|(?:program files(?: \(x86\))?|appdata|%appdata%|%localappdata%|windowsapps|system32|syswow64|/discord/|/chrome/application|/microsoft/edge/application)[^?]*\.dll$|(?:windowsapps|system32)/[^/]*\.exe$)`)

// uacBypassKey matches the registry keys whose command a trusted
// auto-elevating program (fodhelper, eventvwr, sdclt, computerdefaults)
// runs: writing one runs the attacker's command elevated, no prompt.
var uacBypassKey = lazyRegexp(`(?i)(?:ms-settings|mscfile|exefile|folder|launcher\.systemsettings|apppath)\\+shell\\+(?:open|runas)\\+command`)

// uacKeyCalls are the registry calls PW110 checks for UAC-bypass keys;
// pw110Methods the attributes its first switch has a case for, beside
// injectionCalls.
var (
	pw110Methods = setOf("CreateThread", "cast", "ShellExecuteW", "ShellExecuteA", "ShellExecute")
	uacKeyCalls  = setOf("winreg.CreateKey", "winreg.CreateKeyEx", "winreg.OpenKey", "winreg.OpenKeyEx", "winreg.SetValue",
		"_winreg.CreateKey", "_winreg.OpenKey", "_winreg.SetValue")
)

func init() {
	Register(&Rule{
		ID: "PW110", Name: "windows_tradecraft", Severity: High, Confidence: Medium, CWE: 506,
		Message:        "the code uses Windows malware techniques: process injection, planted DLLs or start-up programs, UAC bypass",
		Recommendation: "Remove it; no package needs to write into other processes, plant libraries beside applications or bypass UAC.",
		Help: "Process injection through ctypes (`VirtualAllocEx`, `WriteProcessMemory`, `CreateRemoteThread`, `QueueUserAPC`; or running " +
			"shellcode in the process itself with `VirtualAlloc` and `CreateThread`), programs written into the Startup folder, DLLs " +
			"written into application or system folders (search-order hijacking), the registry keys of UAC bypasses " +
			"(`ms-settings\\shell\\open\\command` and friends, through `winreg` or `reg add`), and `ShellExecute` asking for elevation to run " +
			"a downloading command. The Run keys are PW106.",
		Flagged: []string{
			"import ctypes\nk = ctypes.windll.kernel32\nk.WriteProcessMemory(h, addr, buf, len(buf), None)\n",
			"import winreg\nkey = winreg.CreateKey(winreg.HKEY_CURRENT_USER, r'Software\\Classes\\ms-settings\\shell\\open\\command')\n",
			"import os\nopen(os.path.join(os.getenv('LOCALAPPDATA'), 'Discord', 'app-1.0', 'version.dll'), 'wb').write(data)\n",
		},
		Clean: []string{
			"import ctypes\nctypes.windll.user32.MessageBoxW(None, 'Done', 'Setup', 0)\n",
			"import os\nopen(os.path.join(os.getenv('APPDATA'), 'MyApp', 'settings.json'), 'w').write(cfg)\n",
		},
		Kinds: []Kind{KindCall},
		CallWhen: func(q, method string) bool {
			return injectionCalls[method] || pw110Methods[method] || uacKeyCalls[q] ||
				processFuncs[q] || q == "os.startfile" || writeTargetName(q, method)
		},
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			last := ""
			if a, ok := call.Func.(*ast.Attribute); ok {
				last = a.Attr
			}
			switch {
			case injectionCalls[last] && c.importContains("ctypes"):
				c.ReportWith(call, c.rule.Severity, c.rule.Confidence, "process injection: "+last+" through ctypes")
				return
			case last == "CreateThread" && c.importContains("ctypes"):
				c.ReportWith(call, c.rule.Severity, c.rule.Confidence, "a thread is started through ctypes: the way shellcode is run")
				return
			case last == "cast" && len(call.Args) == 2 && isFuncType(c, call.Args[1]) && c.codeBuffer(call.Args[0], 0):
				c.ReportWith(call, c.rule.Severity, c.rule.Confidence, "a buffer of bytes is cast to a function: shellcode is run")
				return
			case last == "ShellExecuteW" || last == "ShellExecuteA" || last == "ShellExecute":
				var parts []string
				for _, a := range call.Args {
					if s, ok := fold(a); ok {
						parts = append(parts, s)
					}
				}
				cmd := strings.Join(parts, " ")
				if dropperCmd.MatchString(cmd) || strings.Contains(cmd, "runas") && hostileInline.MatchString(cmd) {
					c.ReportWith(call, c.rule.Severity, c.rule.Confidence, "ShellExecute runs a downloading or hostile command")
				}
				return
			}
			if q := c.CallName(call); uacKeyCalls[q] {
				if len(call.Args) > 1 {
					if s, _, ok := c.foldVar(call.Args[1]); ok && uacBypassKey.MatchString(s) {
						c.ReportWith(call, c.rule.Severity, c.rule.Confidence, "a UAC-bypass registry key is opened for writing: "+s)
					}
				}
				return
			}
			if cmd, ok := c.callCommand(call); ok {
				if uacBypassKey.MatchString(cmd) && strings.Contains(strings.ToLower(cmd), "reg") {
					c.ReportWith(call, c.rule.Severity, c.rule.Confidence, "a UAC-bypass registry key is written by reg")
				}
				return
			}
			if p, what, ok := c.writeTarget(call); ok && what == "writes" {
				if t := strings.ReplaceAll(c.pathText(p), "\\", "/"); dropPath.MatchString(t) {
					c.ReportWith(call, c.rule.Severity, c.rule.Confidence, "a program or library is written where Windows runs it unasked: "+t)
				}
			}
		},
	})
}

// isFuncType: ctypes.CFUNCTYPE(...) / WINFUNCTYPE(...) / PYFUNCTYPE.
func isFuncType(c *Context, e ast.Expr) bool {
	call, ok := e.(*ast.Call)
	if !ok {
		return false
	}
	switch lastPart(c.QualName(call.Func)) {
	case "CFUNCTYPE", "WINFUNCTYPE", "PYFUNCTYPE":
		return true
	}
	return false
}

// codeBuffer: bytes put in a ctypes buffer (create_string_buffer,
// (c_char * n).from_buffer...), possibly through a variable.
func (c *Context) codeBuffer(e ast.Expr, depth int) bool {
	switch n := e.(type) {
	case *ast.Name:
		if v, ok := c.values[n.ID]; ok && v != nil && depth < 4 {
			return c.codeBuffer(v, depth+1)
		}
	case *ast.Call:
		switch lastPart(c.QualName(n.Func)) {
		case "create_string_buffer", "from_buffer", "from_buffer_copy", "VirtualAlloc":
			return true
		}
	}
	return false
}
