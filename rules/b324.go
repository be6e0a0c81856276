package rules

import (
	"strings"

	"github.com/pyward/pyward/python/ast"
)

var weakHashes = []string{"md4", "md5", "sha", "sha1"}

func init() {
	Register(&Rule{
		ID: "B324", Name: "hashlib", Severity: High, Confidence: High, CWE: 327,
		Message:        "weak hash (MD4, MD5 or SHA-1) used for security",
		Recommendation: "Use hashlib.sha256 or stronger; if the hash is not for security, say so with usedforsecurity=False.",
		Help: "MD4, MD5 and SHA-1 have practical collision attacks, and the weak crypt methods are fast to brute-force. " +
			"A hash used only as a checksum or a cache key can say `usedforsecurity=False`.",
		Flagged:  []string{"import hashlib\nhashlib.md5(data)\n", "import hashlib\nhashlib.new('SHA1')\n", "import crypt\ncrypt.crypt(pw, crypt.METHOD_MD5)\n"},
		Clean:    []string{"import hashlib\nhashlib.sha256(data)\n", "import hashlib\nhashlib.md5(data, usedforsecurity=False)\n", "import hashlib\nhashlib.new('sha256')\n"},
		Kinds:    []Kind{KindCall},
		CallLast: []string{"md4", "md5", "sha", "sha1", "new", "crypt", "mksalt"},
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			q := c.CallName(call)
			last := lastPart(q)
			// usedforsecurity=False (or any value but True) says the hash is
			// not for security.
			if u := Keyword(call, "usedforsecurity"); u != nil && !isConst(u, ast.ConstTrue) {
				return
			}
			switch {
			case hasPart(q, "hashlib") && inList(last, weakHashes):
				c.Report(call)
			case hasPart(q, "hashlib") && last == "new":
				alg := Keyword(call, "name")
				if len(call.Args) > 0 {
					alg = call.Args[0]
				}
				if s, ok := StrConst(alg); ok && inList(strings.ToLower(s), weakHashes) {
					c.Report(call)
				}
			case hasPart(q, "crypt") && (last == "crypt" || last == "mksalt"):
				var method ast.Expr
				if last == "crypt" {
					method = Keyword(call, "salt")
					if len(call.Args) > 1 {
						method = call.Args[1]
					}
				} else {
					method = Keyword(call, "method")
					if len(call.Args) > 0 {
						method = call.Args[0]
					}
				}
				weak := []string{"METHOD_CRYPT", "METHOD_MD5", "METHOD_BLOWFISH"}
				if s, ok := StrConst(method); ok && inList(s, weak) || method != nil && nameIs(method, weak...) {
					c.ReportWith(call, Medium, High, "weak crypt method (CRYPT, MD5 or BLOWFISH)")
				}
			}
		},
	})
}
