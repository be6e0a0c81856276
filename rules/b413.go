package rules

func init() {
	Register(importRule(&Rule{
		ID: "B413", Name: "import_pycrypto", Severity: High, Confidence: High, CWE: 327,
		Message:        "pyCrypto imported: it is unmaintained and has known vulnerabilities",
		Recommendation: "Use pyca/cryptography, or PyCryptodome (Cryptodome).",
		Help:           "PyCrypto has not been maintained since 2013 and has unfixed vulnerabilities.",
		Flagged: []string{
			"from Crypto.Cipher import AES\n",
			"import Crypto.Hash.SHA256\n",
		},
		Clean: []string{
			"import Crypto\n",
			"from Cryptodome.Cipher import AES\n",
		},
	}, []string{"Crypto.Cipher", "Crypto.Hash", "Crypto.IO", "Crypto.Protocol", "Crypto.PublicKey", "Crypto.Random", "Crypto.Signature", "Crypto.Util"}))
}
