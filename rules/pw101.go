package rules

import (
	"strings"

	"github.com/pyward/pyward/python/ast"
)

// codeRunners are the calls that run a string as Python code.
var codeRunners = map[string]bool{"exec": true, "eval": true, "compile": true, "execfile": true}

// looksLikeCode: a folded payload worth the name has a call, an
// assignment or an import (chr(0x4000) alone is a test of a string).
func looksLikeCode(s string) bool {
	return len(s) >= 8 && (strings.Contains(s, "(") || strings.Contains(s, "=") || strings.Contains(s, "import "))
}

func init() {
	Register(&Rule{
		ID: "PW101", Name: "exec_decoded_payload", Severity: High, Confidence: High, CWE: 506,
		Message:        "decoded or decompressed data is executed as code",
		Recommendation: "Ship readable source; if this is a dependency, remove it and report it as malicious.",
		Help: "Running base64-, hex-, rot13-, EBCDIC- or zlib-decoded data, text built from character codes (`''.join(chr(c) for c in …)`, " +
			"`map(chr, …)`, `bytes([…])`, an XOR loop), reversed text, or decrypted data (Fernet, AES) with exec, eval, compile, marshal " +
			"or pickle is how malicious packages hide their payload from review and scanners. The analysis follows the decoded value " +
			"through variables in the same function and out of the module's own functions; a payload spelled entirely in literals is " +
			"folded and recognised wherever the name holding it is assigned.",
		Flagged: []string{"import base64\nexec(base64.b64decode(\"cHJpbnQoMSk=\"))\n", "import zlib, base64, marshal\npayload = zlib.decompress(base64.b64decode(blob))\ncode = marshal.loads(payload)\nexec(code)\n",
			"_p = ''.join(map(chr, [112, 114, 105, 110, 116, 40, 49, 41]))\neval(_p)\n", "exec(')1(tnirp'[::-1])\n",
			"from cryptography.fernet import Fernet\nexec(Fernet(key).decrypt(token))\n"},
		Clean: []string{"import base64\ndata = base64.b64decode(blob)\nopen(\"out.bin\", \"wb\").write(data)\n", "exec(\"x = 1\")\n",
			"exec('x = %d' % 1)\n", "exec(open('version.py').read())\n"},
		Kinds:    []Kind{KindCall, KindEnd},
		CallWhen: func(q, _ string) bool { return codeRunners[q] },
		Check: func(c *Context, n ast.Node) {
			if call, ok := n.(*ast.Call); ok {
				if codeRunners[c.CallName(call)] && len(call.Args) > 0 && !isLiteral(call.Args[0]) {
					if src, decoded, ok := c.foldVar(call.Args[0]); ok && decoded && looksLikeCode(src) {
						c.Report(call)
					}
				}
				return
			}
			// The data-flow findings, but not twice where the folding
			// above already reported the call.
			before := len(c.findings)
			c.reportFlow()
			seen := map[int32]bool{}
			for _, f := range c.findings[:before] {
				if f.Rule == c.rule {
					seen[f.Start] = true
				}
			}
			kept := c.findings[:before]
			for _, f := range c.findings[before:] {
				if !seen[f.Start] {
					kept = append(kept, f)
				}
			}
			c.findings = kept
		},
	})
}
