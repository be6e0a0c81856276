package rules

func init() {
	Register(callRule(&Rule{
		ID: "B304", Name: "ciphers", Severity: High, CWE: 327,
		Message:        "insecure cipher (ARC2, ARC4, Blowfish, DES, XOR, CAST5, IDEA, SEED or Triple DES)",
		Recommendation: "Use AES (for example AES-GCM) or ChaCha20-Poly1305.",
		Help:           "These ciphers are broken or have blocks and keys too small for today's attacks.",
		Flagged: []string{
			"from Crypto.Cipher import DES\nDES.new(key)\n",
			"from cryptography.hazmat.primitives.ciphers import algorithms\nalgorithms.ARC4(key)\n",
		},
		Clean: []string{
			"from Crypto.Cipher import AES\nAES.new(key, AES.MODE_GCM)\n",
		},
	}, expand("Crypto.Cipher.{ARC2,ARC4,Blowfish,DES,XOR}.new", "Cryptodome.Cipher.{ARC2,ARC4,Blowfish,DES,XOR}.new", "cryptography.hazmat.primitives.ciphers.algorithms.{ARC4,Blowfish,CAST5,IDEA,SEED,TripleDES}")))
}
