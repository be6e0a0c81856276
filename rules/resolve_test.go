package rules

import (
	"testing"

	"github.com/pyward/pyward/python/ast"
	"github.com/pyward/pyward/python/parser"
)

// callNames runs a probe rule that records the qualified name of every
// call on the last line of src, outermost first.
func callNames(t *testing.T, src string) []string {
	t.Helper()
	f, err := parser.ParseFile("x.py", []byte(src))
	if err != nil {
		t.Fatalf("%q: %v", src, err)
	}
	var got []string
	last := f.Tok.LineCount() - 1
	probe := &Rule{ID: "T000", Kinds: []Kind{KindCall}, Check: func(c *Context, n ast.Node) {
		if f.Tok.Line(n.(*ast.Call).Pos()) == last {
			got = append(got, c.CallName(n.(*ast.Call)))
		}
	}}
	Run(f, []*Rule{probe}, nil)
	return got
}

// TestResolveByString: names reached by string resolve to the function's
// qualified name in the shared resolution, so every rule sees os.system.
func TestResolveByString(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"import os\ngetattr(os, 'system')('id')\n", "os.system"},
		{"import os\ngetattr(os, 'sys' + 'tem')('id')\n", "os.system"},
		{"__import__('os').system('id')\n", "os.system"},
		{"__import__('os.path').path.join('a')\n", "os.path.join"},
		{"import importlib\nimportlib.import_module('subprocess').Popen(['id'])\n", "subprocess.Popen"},
		{"from importlib import import_module\nimport_module('subprocess').call('id')\n", "subprocess.call"},
		{"import sys\nsys.modules['os'].system('id')\n", "os.system"},
		{"vars(__builtins__)['exec'](code)\n", "exec"},
		{"globals()['eval'](code)\n", "eval"},
		{"import os as o\nglobals()['o'].system('id')\n", "os.system"},
		{"__builtins__.__dict__['exec'](code)\n", "exec"},
		{"__builtins__['exec'](code)\n", "exec"},
		{"import builtins\nbuiltins.exec(code)\n", "exec"},
		{"import builtins as b\nb.eval(code)\n", "eval"},
		{"__import__('builtins').exec(code)\n", "exec"},
		{"import builtins\ngetattr(builtins, b'\\x85\\xa7\\x85\\x83'.decode('cp1026'))(code)\n", "exec"},
		{"getattr(__import__('o' + 's'), 'metsys'[::-1])('id')\n", "os.system"},
		{"import base64\n__import__('base64').b64decode(x)\n", "base64.b64decode"},
		{"s = __import__('subprocess')\ns.check_output('id')\n", "subprocess.check_output"},
		{"import builtins\ne = getattr(builtins, 'exec')\ne(code)\n", "exec"},
		{"import os\ngetattr(getattr(os, 'path'), 'join')('a', 'b')\n", "os.path.join"},
		// Not modules, or not strings: unresolved, as before.
		{"getattr(self, 'run')(x)\n", ""},
		{"getattr(os, name)('id')\n", ""},
		{"builtins.exec(code)\n", "builtins.exec"},
		{"f().run(x)\n", ".run"},
		{"s = __import__('subprocess')\ns = other()\ns.call('id')\n", "s.call"},
	} {
		got := callNames(t, tc.src)
		if len(got) == 0 || got[0] != tc.want {
			t.Errorf("%q: calls %q, want the outermost to be %q", tc.src, got, tc.want)
		}
	}
}
