package rules

func init() {
	Register(callRule(&Rule{
		ID: "B303", Name: "md5", Severity: Medium, CWE: 327,
		Message:        "insecure hash function (MD2, MD4, MD5 or SHA-1)",
		Recommendation: "Use SHA-256 or stronger (hashlib.sha256, hashes.SHA256); for passwords use a password hash such as scrypt or argon2.",
		Help:           "MD2, MD4, MD5 and SHA-1 have practical collision attacks. They must not protect integrity or authenticity, nor hash passwords.",
		Flagged: []string{
			"from Crypto.Hash import MD5\nMD5.new(b'x')\n",
			"from cryptography.hazmat.primitives import hashes\nhashes.MD5()\n",
		},
		Clean: []string{
			"from Crypto.Hash import SHA256\nSHA256.new(b'x')\n",
			"import hashlib\nhashlib.sha256(b'x')\n",
		},
	}, expand("Crypto.Hash.MD2.new", "Crypto.Hash.MD4.new", "Crypto.Hash.MD5.new", "Crypto.Hash.SHA.new", "Cryptodome.Hash.MD2.new", "Cryptodome.Hash.MD4.new", "Cryptodome.Hash.MD5.new", "Cryptodome.Hash.SHA.new", "cryptography.hazmat.primitives.hashes.MD5", "cryptography.hazmat.primitives.hashes.SHA1")))
}
