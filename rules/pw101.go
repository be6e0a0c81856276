package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "PW101", Name: "exec_decoded_payload", Severity: High, Confidence: High, CWE: 506,
		Message:        "decoded or decompressed data is executed as code",
		Recommendation: "Ship readable source; if this is a dependency, remove it and report it as malicious.",
		Help:           "Running base64-, hex-, rot13- or zlib-decoded data with exec, eval, compile, marshal or pickle is how malicious packages hide their payload from review and scanners. The analysis follows the decoded value through variables in the same function.",
		Flagged:        []string{"import base64\nexec(base64.b64decode(\"cHJpbnQoMSk=\"))\n", "import zlib, base64, marshal\npayload = zlib.decompress(base64.b64decode(blob))\ncode = marshal.loads(payload)\nexec(code)\n"},
		Clean:          []string{"import base64\ndata = base64.b64decode(blob)\nopen(\"out.bin\", \"wb\").write(data)\n", "exec(\"x = 1\")\n"},
		Kinds:          []Kind{KindEnd},
		Check:          func(c *Context, _ ast.Node) { c.reportFlow() },
	})
}
