package rules

import (
	"testing"

	"github.com/pyward/pyward/python/ast"
	"github.com/pyward/pyward/python/parser"
)

// TestFoldDecodes: the encodings and tricks obfuscated code hides names
// and payloads behind fold to the hidden text, and say they decoded.
func TestFoldDecodes(t *testing.T) {
	for _, tc := range []struct {
		src, want string
		decoded   bool
	}{
		{`base64.b64decode('b3Muc3lzdGVt').decode()`, "os.system", true},
		{`codecs.decode('bf.flfgrz', 'rot13')`, "os.system", true},
		{`codecs.decode('6f732e73797374656d', 'hex')`, "os.system", true},
		{`bytes.fromhex('6f 73').decode()`, "os", true},
		{`zlib.decompress(b'x\x9c\xcb\xcc-\xc8/*Q\xc8/\x06\x00\x12\x87\x03\x9e')`, "import os", true},
		{`__import__('zlib').decompress(b'x\x9c\xcb\xcc-\xc8/*Q\xc8/\x06\x00\x12\x87\x03\x9e')`, "import os", true},
		{`gzip.decompress(b'\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03\xcb\xcc-\xc8/*Q\xc8/\x06\x00\xf5n\x86<\t\x00\x00\x00')`, "import os", true},
		{`bz2.decompress(b'BZh91AY&SYhroB\x00\x00\x00\x91\x80@\x00\x00"\xdc\x00 \x001\x0c\x08!\xa6\x8d\xa8\x0eoJ<]\xc9\x14\xe1BA\xa1\xc9\xbd\x08')`, "import os", true},
		{`b'\x85\xa7\x85\x83'.decode('cp1026')`, "exec", true},
		{`b'\x85\xa5\x81\x93'.decode('cp037')`, "eval", true},
		{`codecs.decode(b'\xa2\xa8\xa2\xa3\x85\x94', 'cp500')`, "system", true},
		{`''.join(chr(c) for c in [111, 115])`, "os", true},
		{`''.join(map(chr, [111, 115]))`, "os", true},
		{`''.join(chr(c ^ 42) for c in [79, 82, 79, 73])`, "exec", true},
		{`''.join(chr(ord(c) - 1) for c in 'fyfd')`, "exec", true},
		{`bytes([101, 120, 101, 99]).decode()`, "exec", true},
		{`bytes(x ^ 7 for x in [98, 113, 102, 107]).decode()`, "eval", true},
		{`''.join(reversed('metsys'))`, "system", true},
		{`'metsys'[::-1]`, "system", true},
		{`'o' + 's'`, "os", false},
		{`'sYsTeM'.lower()`, "system", false},
		{`'ex_ec'.replace('_', '')`, "exec", false},
		{`'%c%c' % (111, 115)`, "os", true},
		{`base64.b32decode('N5ZQ====').decode()`, "os", true},
		{`base64.b85decode('Wq4&{')`, "exec", true},
		{`base64.a85decode('AU%cr')`, "exec", true},
		{`codecs.decode('\\x65xec', 'unicode_escape')`, "exec", true}} {
		f, err := parser.ParseFile("x.py", []byte(tc.src+"\n"))
		if err != nil {
			t.Fatalf("%s: %v", tc.src, err)
		}
		e := f.Module.Body[0].(*ast.ExprStmt).Value
		got, dec, ok := foldDecoded(e)
		if !ok || got != tc.want || dec != tc.decoded {
			t.Errorf("%s: folded %q (decoded %v, ok %v), want %q (decoded %v)", tc.src, got, dec, ok, tc.want, tc.decoded)
		}
	}
	// Unknown parts and bombs do not fold.
	for _, src := range []string{"'o' + x", "base64.b64decode(x)", "''.join(chr(c) for c in data)", "'a' * 10", "codecs.decode('x', 'no-such-codec')"} {
		f, err := parser.ParseFile("x.py", []byte(src+"\n"))
		if err != nil {
			t.Fatal(err)
		}
		if s, ok := fold(f.Module.Body[0].(*ast.ExprStmt).Value); ok {
			t.Errorf("%s: folded to %q, want no fold", src, s)
		}
	}
}
