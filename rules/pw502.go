package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "PW502", Name: "user_capture", Severity: Medium, Confidence: Medium, CWE: 359,
		Message:        "the code captures the clipboard, the screen, the keyboard, the webcam or the microphone",
		Recommendation: "Make sure capturing is what the program is for, and that what it captures stays on the machine.",
		Help: "Clipboard reads (`pyperclip.paste`, Tk's `clipboard_get`, `win32clipboard`), screenshots (`PIL.ImageGrab`, `pyautogui.screenshot`, " +
			"`mss`), keyboard and mouse hooks (`pynput` listeners, `keyboard.on_press`, `GetAsyncKeyState`), webcam and microphone recording " +
			"(`cv2.VideoCapture`, `sounddevice.rec`, `pyaudio`) are what spyware does, and what some honest tools do. Alone this is a signal " +
			"to review, at most MEDIUM; when the same file sends data off the host or writes a hidden file it is PW109.",
		Flagged: []string{"import pyperclip\ntext = pyperclip.paste()\n", "from PIL import ImageGrab\nImageGrab.grab().save('s.png')\n",
			"from pynput import keyboard\nkeyboard.Listener(on_press=log).start()\n"},
		Clean:    []string{"import pyperclip\npyperclip.copy(text)\n", "import keyboard\nkeyboard.add_hotkey('ctrl+s', save)\n"},
		Kinds:    []Kind{KindCall},
		CallWhen: func(q, method string) bool { return captureName(q, method) },
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			if what, ok := c.captureOf(call); ok {
				c.ReportWith(call, c.rule.Severity, c.rule.Confidence, "the code captures "+what)
			}
		},
	})
}
