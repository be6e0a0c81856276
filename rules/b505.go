package rules

import (
	"fmt"

	"github.com/pyward/pyward/python/ast"
)

// curveBits gives the strength of the named elliptic curves.
var curveBits = map[string]int64{
	"SECT571K1": 571, "SECT571R1": 570, "SECP521R1": 521, "BrainpoolP512R1": 512,
	"SECT409K1": 409, "SECT409R1": 409, "BrainpoolP384R1": 384, "SECP384R1": 384,
	"SECT283K1": 283, "SECT283R1": 283, "BrainpoolP256R1": 256, "SECP256K1": 256,
	"SECP256R1": 256, "SECT233K1": 233, "SECT233R1": 233, "SECP224R1": 224,
	"SECP192R1": 192, "SECT163K1": 163, "SECT163R2": 163,
}

const asym = "cryptography.hazmat.primitives.asymmetric."

// keyGenerator is where a key generating call takes its size: a keyword
// or a position; an elliptic curve's size is its curve's.
type keyGenerator struct {
	kind string // RSA, DSA or EC
	kw   string
	pos  int
}

// keyGenerators are the calls B505 checks.
var keyGenerators = map[string]keyGenerator{
	asym + "dsa.generate_private_key":   {"DSA", "key_size", 0},
	"Crypto.PublicKey.DSA.generate":     {"DSA", "bits", 0},
	"Cryptodome.PublicKey.DSA.generate": {"DSA", "bits", 0},
	asym + "rsa.generate_private_key":   {"RSA", "key_size", 1},
	"Crypto.PublicKey.RSA.generate":     {"RSA", "bits", 0},
	"Cryptodome.PublicKey.RSA.generate": {"RSA", "bits", 0},
	asym + "ec.generate_private_key":    {"EC", "curve", 0},
}

func init() {
	Register(&Rule{
		ID: "B505", Name: "weak_cryptographic_key", Severity: High, Confidence: High, CWE: 326,
		Message:        "cryptographic key too short",
		Recommendation: "Use at least 2048-bit RSA or DSA keys (3072 for use past 2030), or an elliptic curve of at least 224 bits such as SECP256R1.",
		Help:           "Short keys can be broken by brute force: RSA and DSA keys under 1024 bits (HIGH) or 2048 bits (MEDIUM), elliptic curves under 160 bits (HIGH) or 224 bits (MEDIUM).",
		BanditDiff:     "A curve written as a call (`ec.generate_private_key(ec.SECP192R1())`, the form the cryptography documentation uses) is recognised; Bandit cannot evaluate it, assumes a 224-bit curve and reports nothing.",
		Flagged: []string{
			"from cryptography.hazmat.primitives.asymmetric import rsa\nrsa.generate_private_key(65537, 1024)\n",
			"from Crypto.PublicKey import DSA\nDSA.generate(512)\n",
			"from cryptography.hazmat.primitives.asymmetric import ec\nec.generate_private_key(ec.SECP192R1())\n",
		},
		Clean: []string{
			"from cryptography.hazmat.primitives.asymmetric import rsa\nrsa.generate_private_key(65537, 4096)\n",
			"from cryptography.hazmat.primitives.asymmetric import ec\nec.generate_private_key(ec.SECP256R1())\n",
			"from Crypto.PublicKey import RSA\nRSA.generate(bits)\n",
		},
		Kinds:    []Kind{KindCall},
		CallWhen: func(q, _ string) bool { _, ok := keyGenerators[q]; return ok },
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			arg := func(kw string, pos int) ast.Expr {
				if v := Keyword(call, kw); v != nil {
					return v
				}
				if pos < len(call.Args) {
					return call.Args[pos]
				}
				return nil
			}
			g, ok := keyGenerators[c.CallName(call)]
			if !ok {
				return
			}
			if g.kind == "EC" {
				// The curve, as an attribute or a call of one (ec.SECP192R1()).
				curve := arg(g.kw, g.pos)
				if cl, ok := curve.(*ast.Call); ok {
					curve = cl.Func
				}
				a, ok := curve.(*ast.Attribute)
				if !ok {
					return
				}
				bits, known := curveBits[a.Attr]
				if !known {
					return
				}
				c.reportKeySize(call, "EC", bits, 160, 224)
				return
			}
			bits, ok := intConst(arg(g.kw, g.pos))
			if !ok || bits == 0 {
				return // absent or not a literal: the library default (2048) or unknown
			}
			c.reportKeySize(call, g.kind, bits, 1024, 2048)
		},
	})
}

func (c *Context) reportKeySize(call *ast.Call, kind string, bits, high, medium int64) {
	switch {
	case bits < high:
		c.ReportWith(call, High, High, fmt.Sprintf("%s key of %d bits is too short (at least %d)", kind, bits, medium))
	case bits < medium:
		c.ReportWith(call, Medium, High, fmt.Sprintf("%s key of %d bits is too short (at least %d)", kind, bits, medium))
	}
}
