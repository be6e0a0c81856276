package rules

import (
	"strings"

	"github.com/pyward/pyward/python/ast"
)

// secretName is a name whose value is a credential: it ends with one of
// the words (so token_url, password_field and key_path are not).
// Header names (X-Api-Key, PRIVATE-TOKEN) and dotted settings
// (db.password) separate the words with - and . too.
var secretName = lazyRegexp(`(?i)(?:^|[_\-.])(?:password|passwd|passphrase|pwd|secret|token|api[_\-]?key|apikey|access[_\-]?key|secret[_\-]?key|private[_\-]?key|client[_\-]?secret|auth[_\-]?key|auth[_\-]?token|credentials?)$`).needing("pas", "pwd", "secret", "token", "key", "credential")

// indexExpr is a name indexed and dotted, as JMESPath and Python write
// references to a value.
var indexExpr = lazyRegexp(`^[A-Za-z_][\w.]*\[[-\w'"]*\][\w.\[\]-]*$`)

// looksSecret says whether a value assigned to a secret-like name is
// plausibly a real credential: long enough, random enough, and not a
// placeholder, an environment variable's name, a path or a URL.
func looksSecret(v string) bool {
	if !secretShaped(v) {
		return false
	}
	if placeholder.MatchString(v) || strings.Contains(v, "://") || strings.HasPrefix(v, "/") || strings.HasPrefix(v, "~") {
		return false
	}
	upperSnake, lowerDotted := true, true
	for _, r := range v {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_') {
			upperSnake = false
		}
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '.' || r == '-') {
			lowerDotted = false
		}
	}
	if upperSnake || lowerDotted && entropy(v) < 3.5 {
		return false // an environment variable's or a setting's name
	}
	if indexExpr.MatchString(v) {
		return false // an expression: Jobs[-1].JobId, items[0]
	}
	if wordsOnly(v) {
		return false // a name: 'AWSSecretKey', 'Access-Control-Allow-Credentials'
	}
	return entropy(v) >= 3.0 && distinct(v) >= 6
}

func init() {
	Register(&Rule{
		ID: "PW312", Name: "hardcoded_secret", Severity: Medium, Confidence: Medium, CWE: 798, Secret: true,
		Message:        "a credential-like value is assigned to a name meant for secrets",
		Recommendation: "Load the value at run time from the environment or a secrets manager, and revoke it if it was real.",
		Help: "A high-entropy string (Shannon entropy of at least 3 bits per character, 8 to 512 characters, no spaces) assigned to a name " +
			"ending in password, secret, token, api_key, access_key, private_key, client_secret or credentials, as an assignment, a keyword " +
			"argument or a dict entry, or in text as NAME=value, name: value or \"name\": \"value\" (.env, YAML, JSON, INI and properties files, .env blocks in strings, comments and docstrings). Placeholders (example, changeme, xxxx, <...>, ${...}), environment variable names, paths and URLs are not flagged. " +
			"The report shows the value redacted.",
		Flagged: []string{"SECRET_KEY = 'k8#Qz!v2Lm9@Tn4Wb$3Yc6Zd'\n", "client = Client(api_key='f3a9c2e7b41d8065ae92')\n"},
		Clean:   []string{"SECRET_KEY = os.environ['SECRET_KEY']\n", "password = 'changeme'\n", "token_url = 'https://auth.example.org/token'\n", "api_key = 'OPENAI_API_KEY'\n"},
		Kinds:   []Kind{KindAssign, KindAnnAssign, KindCall, KindDict, KindText},
		Check: func(c *Context, n ast.Node) {
			check := func(name string, value ast.Expr) {
				if k, ok := value.(*ast.Constant); ok && (k.Kind == ast.ConstStr || k.Kind == ast.ConstBytes) && namedSecret(name, k.Str) {
					c.Report(k)
				}
			}
			switch n := n.(type) {
			case *ast.Assign:
				for _, t := range n.Targets {
					check(boundName(t), n.Value)
				}
			case *ast.AnnAssign:
				if n.Value != nil {
					check(boundName(n.Target), n.Value)
				}
			case *ast.Call:
				for _, kw := range n.Keywords {
					if kw.Arg != nil {
						check(*kw.Arg, kw.Value)
					}
				}
			case *ast.Dict:
				for i, k := range n.Keys {
					if s, ok := StrConst(k); ok {
						check(s, n.Values[i])
					}
				}
			case nil:
				// In text: configuration files, files that do not parse,
				// and in Python the comments and strings (.env blocks,
				// docstrings), where the nodes above do not look.
				c.reportNamedInText()
			}
		},
	})
}

// namedSecret says whether value, assigned to name, is a secret the
// generic rule reports: the name is a secret's, the value looks like
// one, and neither names a provider whose format decides instead.
func namedSecret(name, value string) bool {
	// The value's length first: most values are short, and the name's
	// expression was a third of PW312's time.
	return secretShaped(value) && secretName.MatchString(name) && looksSecret(value) && !claimedName(name) && !claimedValue(value)
}

// secretShaped is what looksSecret asks of a value first: 8 to 512
// bytes, without whitespace.
func secretShaped(v string) bool {
	return len(v) >= 8 && len(v) <= 512 && !strings.ContainsAny(v, " \t\n")
}

// boundName extends targetName to d['key'] subscripts.
func boundName(t ast.Expr) string {
	if s, ok := t.(*ast.Subscript); ok {
		k, _ := StrConst(s.Slice)
		return k
	}
	return targetName(t)
}

// wordsOnly reports whether v is letters and separators only: a field,
// header or key name rather than a credential, which mixes in digits or
// symbols.
func wordsOnly(v string) bool {
	for _, r := range v {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-' || r == '_' || r == '.') {
			return false
		}
	}
	return true
}
