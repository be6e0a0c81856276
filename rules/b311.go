package rules

func init() {
	Register(callRule(&Rule{
		ID: "B311", Name: "random", Severity: Low, CWE: 330,
		Message:        "the random module is predictable: not for security",
		Recommendation: "Use the secrets module (secrets.token_hex, secrets.choice) for tokens, passwords and keys.",
		Help:           "`random` is a Mersenne Twister: its output can be predicted from a few hundred values. Fine for simulations, not for anything an attacker must not guess.",
		Flagged: []string{
			"import random\nrandom.randint(0, 9)\n",
			"from random import choice\nchoice(items)\n",
		},
		Clean: []string{
			"import secrets\nsecrets.token_hex(16)\n",
			"import random\nrandom.seed(1)\n",
		},
	}, expand("random.Random", "random.random", "random.randrange", "random.randint", "random.choice", "random.choices", "random.uniform", "random.triangular", "random.randbytes", "random.sample", "random.getrandbits")))
}
