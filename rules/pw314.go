package rules

import (
	"strings"

	"github.com/pyward/pyward/python/ast"
)

// authHeader finds an Authorization header's credential written out:
// the header's name, a separator (": " in a dict, "=" or "," in a call),
// then the scheme and the credential.
var authHeader = lazyRegexp(`(?i:authorization)['"]?\s*[:=,]\s*[bfru]{0,2}['"]?\s*(?i:(bearer|basic|token|bot|apikey|sso-key|key))\s+([A-Za-z0-9._~+/=\-:]{16,})`)

var authLiterals = []string{"uthorization", "UTHORIZATION"}

func init() {
	Register(&Rule{
		ID: "PW314", Name: "authorization_header", Severity: High, Confidence: Medium, CWE: 798, Secret: true,
		Message:        "an Authorization header's credential is written in the source",
		Recommendation: "Build the header at run time from a credential loaded from the environment or a secrets manager, and revoke the one written here.",
		Help: "An Authorization header (in a headers dict, a call, a comment or a configuration file) whose value is a scheme " +
			"(Bearer, Basic, token, Bot, ApiKey …) followed by the credential itself. Checks: at least 16 characters; a Basic " +
			"credential must decode from base64 to user:password; any other must have an entropy of at least 3.5 bits per character and mix in digits. " +
			"Interpolations (f\"Bearer {token}\", \"Bearer \" + token) and placeholders are not flagged. The credential is reported redacted.",
		Flagged: []string{"headers = {'Authorization': 'Bearer 9f3a2c7e1b4d8065ae92c41f7b3d6e08'}\n", "AUTH = {\"Authorization\": \"Basic YWRtaW46cTdadDlmUXc0THIw\"}\n"},
		Clean:   []string{"headers = {'Authorization': f'Bearer {token}'}\n", "headers = {'Authorization': 'Bearer ' + token}\n", "headers = {'Authorization': 'Bearer <your-token-here>'}\n"},
		Kinds:   []Kind{KindText},
		Check: func(c *Context, _ ast.Node) {
			if !c.secretHint(authLiteralsHint) {
				return
			}
			src := c.File.Src
			// The expression runs on a window at each header name
			// (package regexp cannot search fast for a word in any case).
			var ms [][]int
			for k := range authLiterals {
				c.eachLiteral(authLiteralsHint, k, func(i int) {
					if i == 0 {
						return
					}
					w := i - 1
					for _, m := range authHeader.FindAllSubmatchIndex(src[w:min(len(src), w+400)], 1) {
						for k := range m {
							m[k] += w
						}
						ms = append(ms, m)
					}
				})
			}
			for _, m := range ms {
				scheme, v := strings.ToLower(string(src[m[2]:m[3]])), string(src[m[4]:m[5]])
				if placeholder.MatchString(v) || claimedValue(v) {
					continue
				}
				if scheme == "basic" {
					if !basicAuth(v) {
						continue
					}
				} else if entropy(v) < 3.5 || !strings.ContainsAny(v, "0123456789") {
					continue
				}
				c.ReportSpan(int32(m[4]), int32(m[5]), c.rule.Severity, c.rule.Confidence, c.rule.Message)
			}
		},
	})
}

var authLiteralsHint = newHint(authLiterals)
