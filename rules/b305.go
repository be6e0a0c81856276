package rules

func init() {
	Register(callRule(&Rule{
		ID: "B305", Name: "cipher_modes", Severity: Medium, CWE: 327,
		Message:        "ECB cipher mode: equal plaintext blocks give equal ciphertext blocks",
		Recommendation: "Use an authenticated mode such as GCM, or CBC/CTR with a MAC.",
		Help:           "Electronic Code Book mode encrypts each block on its own, so patterns in the plaintext show through in the ciphertext.",
		Flagged: []string{
			"from cryptography.hazmat.primitives.ciphers import modes\nmodes.ECB()\n",
		},
		Clean: []string{
			"from cryptography.hazmat.primitives.ciphers import modes\nmodes.GCM(iv)\n",
		},
	}, expand("cryptography.hazmat.primitives.ciphers.modes.ECB")))
}
