package rules

import (
	"bytes"
	"strings"

	"github.com/pyward/pyward/python/ast"
)

// Credentials in URLs: scheme://user:password@host, as database, broker,
// cache and HTTP URLs carry them. The URL is found by its "://" and read
// by hand (no expression runs over the file); only the password is
// reported, so that is all the output redacts.

// urlPlaceholderWords are passwords that say they are not one.
var urlPlaceholderWords = map[string]bool{
	"password": true, "passwd": true, "pass": true, "pwd": true, "secret": true, "changeme": true,
	"guest": true, "anonymous": true, "admin": true, "root": true, "test": true, "user": true,
	"foo": true, "bar": true, "baz": true, "qwerty": true, "example": true, "mypassword": true,
	"yourpassword": true, "postgres": true, "mysql": true, "redis": true, "default": true, "token": true,
}

// urlPassword returns the password of the URL whose "://" is at i, and
// its offsets, or ok false.
func urlPassword(src []byte, i int) (start, end int, ok bool) {
	// The scheme: letters, digits, + . - back to a letter.
	s := i
	for s > 0 && (isAlnum(src[s-1]) || src[s-1] == '+' || src[s-1] == '.' || src[s-1] == '-') {
		s--
	}
	if s == i || i-s > 30 || !(src[s] >= 'a' && src[s] <= 'z' || src[s] >= 'A' && src[s] <= 'Z') {
		return 0, 0, false
	}
	// The userinfo: up to '@', with no character that ends a URL or
	// starts its path.
	u := i + 3
	at := -1
	for j := u; j < len(src) && j < u+256; j++ {
		c := src[j]
		if c == '@' {
			at = j
			break
		}
		if c <= ' ' || c == '/' || c == '?' || c == '#' || c == '"' || c == '\'' || c == '`' || c == '\\' {
			break
		}
	}
	if at < 0 || at+1 >= len(src) || !(isAlnum(src[at+1]) || src[at+1] == '[' || src[at+1] == '$' || src[at+1] == '{') {
		return 0, 0, false
	}
	colon := bytes.IndexByte(src[u:at], ':')
	if colon < 0 {
		return 0, 0, false
	}
	user, pw := string(src[u:u+colon]), string(src[u+colon+1:at])
	if !urlSecret(user, pw) {
		return 0, 0, false
	}
	return u + colon + 1, at, true
}

// urlSecret says whether a URL's password is plausibly real: not empty or
// short, not an interpolation (${X}, {x}, %(x)s, $X, %X%), not a mask
// (***, xxx) or a word that stands for a password, not the user name
// again, not holding a colon or a comma (host:port,host lists).
func urlSecret(user, pw string) bool {
	if len(pw) < 6 || len(pw) > 200 || pw == user || strings.ContainsAny(pw, ":,") || strings.ContainsAny(pw, "{}$<>*%`()[]") && !urlEncoded(pw) {
		return false
	}
	if urlPlaceholderWords[strings.ToLower(strings.Trim(pw, "0123456789_-."))] || placeholder.MatchString(pw) {
		return false
	}
	return distinct(pw) >= 5 && entropy(pw) >= 2.5
}

// urlEncoded reports whether every % in s starts an escape (%2F), the
// only way a real password has one.
func urlEncoded(s string) bool {
	if strings.ContainsAny(s, "{}$<>*`()[]") {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && (i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2])) {
			return false
		}
	}
	return true
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

func init() {
	Register(&Rule{
		ID: "PW313", Name: "credentials_in_url", Severity: High, Confidence: Medium, CWE: 798, Secret: true,
		Message:        "a URL carries a password",
		Recommendation: "Take the password out of the URL: build it at run time from the environment or a secrets manager (or use the driver's separate password argument), and change the password.",
		Help: "A URL of the form scheme://user:password@host (postgresql://, mysql+pymysql://, mongodb+srv://, redis://:password@, amqp://, https:// …) " +
			"in code, comments, strings or configuration files. Checks: a scheme, a user part with a colon, a host after @; " +
			"the password at least 6 characters with 5 distinct ones. Interpolations (${PASSWORD}, {password}, %(password)s, $PASSWORD), " +
			"masks (***, xxxx), words that stand for a password (password, secret, changeme, guest …) and a password equal to the user name are not flagged. " +
			"Only the password is reported, redacted.",
		Flagged: []string{"DATABASE_URL = 'postgresql://app:Zt9fQw4Lr0Vx@db.internal:5432/app'\n", "# broker: amqp://celery:q7Zt9fW2xK@mq:5672//\n"},
		Clean:   []string{"DATABASE_URL = 'postgresql://app:${DB_PASSWORD}@db:5432/app'\n", "URL = 'redis://:<password>@localhost:6379/0'\n", "URL = f'mysql+pymysql://{user}:{password}@{host}/db'\n", "URL = 'https://user:password@example.org/'\n"},
		Kinds:   []Kind{KindText},
		Check: func(c *Context, _ ast.Node) {
			src := c.File.Src
			eachIndex(src, "://", func(i int) {
				if s, e, ok := urlPassword(src, i); ok {
					c.ReportSpan(int32(s), int32(e), c.rule.Severity, c.rule.Confidence, c.rule.Message)
				}
			})
		},
	})
}
