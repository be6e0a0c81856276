package rules

import (
	"github.com/pyward/pyward/python/ast"
)

// queryParam is one parameter of a query string: ?name=value or &name=value.
var queryParam = lazyRegexp(`[?&;]([A-Za-z0-9_.\-]{2,40})=([^&#\s'"<>{}\\]{12,300})`)

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
			if !c.secretHint(queryLiterals) {
				return
			}
			src := c.File.Src
			for _, m := range queryParam.FindAllSubmatchIndex(src, -1) {
				name, v := string(src[m[2]:m[3]]), string(src[m[4]:m[5]])
				if !queryName.MatchString(name) || !looksSecret(v) || distinct(v) < 6 || claimedValue(v) || claimedName(name) {
					continue
				}
				c.ReportSpan(int32(m[4]), int32(m[5]), c.rule.Severity, c.rule.Confidence, c.rule.Message)
			}
		},
	})
}
