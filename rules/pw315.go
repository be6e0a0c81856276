package rules

import (
	"bytes"

	"github.com/pyward/pyward/python/ast"
)

// queryValue reads the parameter whose = is at eq: a name back to ?, &
// or ;, and a value up to the next separator. It returns the value's
// span when the parameter carries a credential.
func queryValue(src []byte, eq int) (int, int, bool) {
	n := eq
	for n > 0 && eq-n < 40 && (isAlnum(src[n-1]) || src[n-1] == '_' || src[n-1] == '.' || src[n-1] == '-') {
		n--
	}
	if n == 0 || n == eq || src[n-1] != '?' && src[n-1] != '&' && src[n-1] != ';' {
		return 0, 0, false
	}
	e := eq + 1
	for e < len(src) && e-eq <= 300 && src[e] > ' ' && !bytes.ContainsRune([]byte("&#'\"<>{}\\"), rune(src[e])) {
		e++
	}
	name, v := string(src[n:eq]), string(src[eq+1:e])
	if len(v) < 12 || len(v) > 300 || !queryName.MatchString(name) || !looksSecret(v) || distinct(v) < 6 || claimedValue(v) || claimedName(name) {
		return 0, 0, false
	}
	return eq + 1, e, true
}

// queryLiterals prefilter the files a query string's credential can be in.
var queryLiterals = []string{"token=", "key=", "secret=", "password=", "passwd=", "pwd=", "auth=",
	"Token=", "Key=", "TOKEN=", "KEY=", "SECRET=", "PASSWORD="}

// queryName is a parameter name that carries a credential.
var queryName = lazyRegexp(`(?i)^(?:.*[_\-.])?(?:access_?token|token|api_?key|apikey|key|secret|client_?secret|password|passwd|pwd|auth|private_?token)$`)

func init() {
	Register(&Rule{
		ID: "PW315", Name: "secret_in_query_string", Severity: Medium, Confidence: Medium, CWE: 598, Secret: true,
		Message:        "a URL's query string carries a credential",
		Recommendation: "Send the credential in a header built at run time from the environment or a secrets manager (query strings end up in logs), and revoke this one.",
		Help: "A query-string parameter whose name says it carries a credential (token, access_token, api_key, key, secret, password …; signatures of presigned URLs are PW322's) " +
			"with a value written out, as in https://api.example.net/items?token=…&page=2. Checks: the value is 12 to 300 characters, has an entropy " +
			"of at least 3 bits per character and 6 distinct characters, and is not a placeholder or an interpolation ({token}, ${TOKEN}). The value is reported redacted.",
		Flagged: []string{"URL = 'https://api.acme.net/v1/items?api_key=9f3a2c7e1b4d8065ae92&page=2'\n"},
		Clean:   []string{"URL = f'https://api.acme.net/v1/items?api_key={key}&page=2'\n", "URL = 'https://api.acme.net/v1/items?page=2&sort=created_at_desc'\n"},
		Kinds:   []Kind{KindText},
		Check: func(c *Context, _ ast.Node) {
			if !c.secretHint(queryLiteralsHint) {
				return
			}
			src := c.File.Src
			seen := map[int]bool{}
			for k, l := range queryLiterals {
				c.eachLiteral(queryLiteralsHint, k, func(i int) {
					eq := i + len(l) - 1
					if seen[eq] {
						return
					}
					seen[eq] = true
					if s, e, ok := queryValue(src, eq); ok {
						c.ReportSpan(int32(s), int32(e), c.rule.Severity, c.rule.Confidence, c.rule.Message)
					}
				})
			}
		},
	})
}

var queryLiteralsHint = newHint(queryLiterals)
