package rules

import (
	"bytes"
	"fmt"
	"math"
	"strings"

	"github.com/pyward/pyward/python/ast"
)

// A provider secret is recognised by its format: a literal every such
// token contains (a fast filter, so the expression runs only on files that
// have it) and an expression whose group 1 is the secret. Provider formats
// are specific enough to be looked for in the whole text, comments
// included: a key pasted in a comment is leaked all the same.
type providerSecret struct {
	id, name    string
	literals    []string // the text must hold one of these
	re          *lazyRE
	sev, conf   Level
	what        string // "an AWS access key ID"
	help        string
	flagged     string
	clean       string
	minDistinct int // fewer distinct characters in the secret: a placeholder
}

var providerSecrets = []providerSecret{
	{id: "PW301", name: "aws_access_key_id", literals: []string{"AKIA", "ASIA", "ABIA", "ACCA", "A3T"},
		re:  lazyRegexp(`\b((?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16})\b`),
		sev: High, conf: High, what: "an AWS access key ID",
		help:    "AWS access key IDs (AKIA…, ASIA…) identify a key pair; next to its secret key they grant the account's permissions. AWS's documentation example (…EXAMPLE) is ignored.",
		flagged: "AWS_ACCESS_KEY_ID = 'AKIAQ7RZN4TSVD2HKE6W'\n", clean: "AWS_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE'\n", minDistinct: 6},
	{id: "PW302", name: "aws_secret_access_key", literals: []string{"aws", "AWS", "Aws"},
		re:  lazyRegexp(`(?i)aws.{0,24}?(?:secret|private|key).{0,24}?['"=:\s]([A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$)`),
		sev: High, conf: Medium, what: "an AWS secret access key",
		help:    "A 40-character AWS secret access key next to a name that says AWS and secret or key. With its key ID it signs any request the account allows.",
		flagged: "aws_secret_access_key = 'Zt9fQw4Lr0Vx+Jm2Kp8Ns6Hd3Bc1Ye7Ua5Ig/Xo2'\n", clean: "aws_secret_access_key = os.environ['AWS_SECRET_ACCESS_KEY']\n", minDistinct: 10},
	{id: "PW303", name: "github_token", literals: []string{"ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"},
		re:  lazyRegexp(`\b((?:gh[pousr]_[A-Za-z0-9]{36,255})|(?:github_pat_[A-Za-z0-9_]{82}))\b`),
		sev: High, conf: High, what: "a GitHub token",
		help:    "GitHub personal access, OAuth, app and refresh tokens (ghp_, gho_, ghu_, ghs_, ghr_, github_pat_) act as their owner on GitHub.",
		flagged: "TOKEN = 'ghp_R7xk2Lm9Qv4Tn8Wb3Yc6Zd1Fg5Hj0Ks2Pa9N'\n", clean: "TOKEN = os.environ['GITHUB_TOKEN']\n", minDistinct: 10},
	{id: "PW304", name: "gitlab_token", literals: []string{"glpat-", "glptt-", "gldt-", "glrt-"},
		re:  lazyRegexp(`\b(gl(?:pat|ptt|dt|rt)-[A-Za-z0-9_\-]{20,})\b`),
		sev: High, conf: High, what: "a GitLab token",
		help:    "GitLab personal, pipeline trigger, deploy and runner tokens (glpat-, glptt-, gldt-, glrt-) act on GitLab with their scopes.",
		flagged: "headers = {'PRIVATE-TOKEN': 'glpat-Xq7Lm2Rk9Vt4Wn8Bz3Yc'}\n", clean: "headers = {'PRIVATE-TOKEN': token}\n", minDistinct: 8},
	{id: "PW305", name: "slack_token", literals: []string{"xox", "hooks.slack.com"},
		re:  lazyRegexp(`\b(xox[baprs]-[A-Za-z0-9\-]{10,}|https://hooks\.slack\.com/services/T[A-Za-z0-9_]{6,}/B[A-Za-z0-9_]{6,}/[A-Za-z0-9_]{16,})`),
		sev: High, conf: High, what: "a Slack token or webhook",
		help:    "Slack bot, user and app tokens (xoxb-, xoxp-, xoxa-…) and incoming-webhook URLs post to and read from a workspace.",
		flagged: "SLACK = 'xoxb-2210435567-4471928810-Rk7Lm2Qv9Tn4Wb8Yc3Zd1Fg'\n", clean: "SLACK = os.environ['SLACK_BOT_TOKEN']\n", minDistinct: 8},
	{id: "PW306", name: "stripe_key", literals: []string{"k_live_", "k_test_", "k_prod_"},
		re:  lazyRegexp(`\b((?:sk|rk)_(?:live|test|prod)_[A-Za-z0-9]{20,})\b`),
		sev: High, conf: High, what: "a Stripe secret or restricted key",
		help:    "Stripe secret (sk_) and restricted (rk_) keys move money and read customer data; test keys still expose the test account.",
		flagged: "stripe.api_key = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc9Wm2'\n", clean: "stripe.api_key = 'sk_live_xxxxxxxxxxxxxxxxxxxxxxxx'\n", minDistinct: 8},
	{id: "PW307", name: "google_api_key", literals: []string{"AIza"},
		re:  lazyRegexp(`\b(AIza[0-9A-Za-z_\-]{35})\b`),
		sev: High, conf: Medium, what: "a Google API key",
		help:    "Google API keys (AIza…) bill and authorise requests to the Google APIs enabled for their project.",
		flagged: "KEY = 'AIzaSyD4kR9xLm2Qv7Tn8Wb3Yc6Zd1Fg5Hj0Ks2'\n", clean: "KEY = settings.GOOGLE_API_KEY\n", minDistinct: 10},
	{id: "PW308", name: "openai_api_key", literals: []string{"sk-"},
		re:  lazyRegexp(`\b(sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_\-]{16,}T3BlbkFJ[A-Za-z0-9_\-]{16,}|sk-proj-[A-Za-z0-9_\-]{80,})`),
		sev: High, conf: High, what: "an OpenAI API key",
		help:    "OpenAI API keys (sk-…T3BlbkFJ…, sk-proj-…) spend the organisation's credit and read its data.",
		flagged: "openai.api_key = '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'\n", clean: "openai.api_key = os.getenv('OPENAI_API_KEY')\n", minDistinct: 10},
	{id: "PW309", name: "anthropic_api_key", literals: []string{"sk-ant-"},
		re:  lazyRegexp(`\b(sk-ant-(?:api|admin)\d\d-[A-Za-z0-9_\-]{80,})`),
		sev: High, conf: High, what: "an Anthropic API key",
		help:    "Anthropic API keys (sk-ant-api03-…, sk-ant-admin01-…) spend the organisation's credit.",
		flagged: "KEY = 'sk-ant-api03-" + strings.Repeat("Rk7Lm2Qv9Tn4Wb8Yc3Zd", 5) + "AA'\n", clean: "KEY = os.environ['ANTHROPIC_API_KEY']\n", minDistinct: 10},
	{id: "PW310", name: "private_key", literals: []string{"PRIVATE KEY"},
		re:  lazyRegexp(`(-----BEGIN[ A-Z0-9]{0,40} PRIVATE KEY(?: BLOCK)?-----[^\n]{0,80}?(?:\\n|\s)+(?:[A-Za-z0-9+/=:,\- ]+(?:\\n|\s)+){0,4}[A-Za-z0-9+/=]{64})`),
		sev: High, conf: High, what: "a private key",
		help:    "A PEM private key (RSA, EC, DSA, OpenSSH, PGP) in the source: anyone with the code can sign, decrypt or log in as its owner. A header alone, as in a check that recognises keys, is not flagged.",
		flagged: "KEY = '''-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7Rk2Lm9Qv4Tn8Wb3Yc6Zd1Fg5Hj0Ks2Pa9NxQe4UxR7xk2Lm9Qv4Tn8Wb3Yc6Zd1Fg5\n-----END RSA PRIVATE KEY-----'''\n",
		clean:   "if text.startswith('-----BEGIN RSA PRIVATE KEY-----'):\n    kind = 'rsa'\n", minDistinct: 12},
	{id: "PW311", name: "jwt", literals: []string{"eyJ"},
		re:  lazyRegexp(`\b(eyJ[A-Za-z0-9_\-]{10,}\.eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{16,})`),
		sev: Medium, conf: Medium, what: "a signed JSON Web Token",
		help:    "A JWT with a signature is a bearer credential until it expires; tokens in code are often long-lived service tokens.",
		flagged: "AUTH = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzZXJ2aWNlLWJvdCIsInJvbGUiOiJhZG1pbiJ9.Rk7Lm2Qv9Tn4Wb8Yc3Zd1Fg5Hj0Ks2P'\n",
		clean:   "AUTH = 'Bearer ' + token\n", minDistinct: 10},
}

// placeholder recognises values that stand for a secret without being
// one: documentation examples, templates, masks.
var placeholder = lazyRegexp(`(?i)example|sample|dummy|placeholder|changeme|change_me|your[_-]|xxxx|\*\*\*|<[^>]*>|\$\{[^}]*\}|\{\{[^}]*\}\}|redacted|insert|replace|fake|test_?key|0000000|1234567|abcdef`)

func init() {
	for i := range providerSecrets {
		p := &providerSecrets[i]
		Register(&Rule{
			ID: p.id, Name: p.name, Severity: p.sev, Confidence: p.conf, CWE: 798, Secret: true,
			Message:        p.what + " is written in the source",
			Recommendation: "Revoke the credential now (it is in the history), then load it at run time from the environment or a secrets manager.",
			Help:           p.help + " The report shows the value redacted; it is found in strings, comments and files that do not parse.",
			Flagged:        []string{p.flagged},
			Clean:          []string{p.clean},
			Kinds:          []Kind{KindText},
			Check: func(c *Context, _ ast.Node) {
				src := c.File.Src
				if !c.secretHint(p.literals) {
					return
				}
				for _, m := range p.re.FindAllSubmatchIndex(src, -1) {
					s, e := m[2], m[3]
					v := string(src[s:e])
					if placeholder.MatchString(v) || distinct(v) < p.minDistinct {
						continue
					}
					c.ReportSpan(int32(s), int32(e), p.sev, p.conf, c.rule.Message)
				}
			},
		})
	}
}

// secretByPair indexes every provider's literals by their first two
// bytes, so that one pass over a file finds all of them.
var secretByPair = func() map[uint16][]string {
	m := map[uint16][]string{}
	for _, p := range providerSecrets {
		for _, l := range p.literals {
			k := uint16(l[0])<<8 | uint16(l[1])
			m[k] = append(m[k], l)
		}
	}
	return m
}()

var secretPairs = func() *[1 << 16]bool {
	var t [1 << 16]bool
	for k := range secretByPair {
		t[k] = true
	}
	return &t
}()

// secretHint reports whether the file holds one of lits. The first call
// scans the text once for all providers' literals (instead of once per
// literal) and caches what it found.
func (c *Context) secretHint(lits []string) bool {
	if c.secretFound == nil {
		c.secretFound = map[string]bool{}
		src := c.File.Src
		for i := 0; i+1 < len(src); i++ {
			k := uint16(src[i])<<8 | uint16(src[i+1])
			if !secretPairs[k] {
				continue
			}
			for _, l := range secretByPair[k] {
				if bytes.HasPrefix(src[i:], []byte(l)) {
					c.secretFound[l] = true
				}
			}
		}
	}
	for _, l := range lits {
		if c.secretFound[l] {
			return true
		}
	}
	return false
}

// Redact shows a secret without revealing it: its first four characters
// (at most a quarter of it) and how many follow.
func Redact(secret string) string {
	r := []rune(secret)
	keep := min(4, len(r)/4)
	return string(r[:keep]) + fmt.Sprintf("…[%d chars redacted]", len(r)-keep)
}

// distinct counts the different characters of s.
func distinct(s string) int {
	var seen [256]bool
	n := 0
	for i := 0; i < len(s); i++ {
		if !seen[s[i]] {
			seen[s[i]] = true
			n++
		}
	}
	return n
}

// entropy is the Shannon entropy of s in bits per character.
func entropy(s string) float64 {
	if s == "" {
		return 0
	}
	var counts [256]int
	for i := 0; i < len(s); i++ {
		counts[s[i]]++
	}
	h := 0.0
	n := float64(len(s))
	for _, c := range counts {
		if c > 0 {
			p := float64(c) / n
			h -= p * math.Log2(p)
		}
	}
	return h
}
