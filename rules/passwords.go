package rules

import (
	"github.com/pyward/pyward/python/ast"
)

// passwordName matches names that hold a password or secret: the word is
// the whole identifier or delimited by '_' (password, api_token,
// Secret_Key), as Bandit's hardcoded-password checks define it.
var passwordName = lazyRegexp(`(?i)(^W$|_W_|^W_|_W$)`[:0]+`(?i)(^(pas+wo?r?d|pass(phrase)?|pwd|token|secrete?)$|_(pas+wo?r?d|pass(phrase)?|pwd|token|secrete?)_|^(pas+wo?r?d|pass(phrase)?|pwd|token|secrete?)_|_(pas+wo?r?d|pass(phrase)?|pwd|token|secrete?)$)`).needing("pas", "pwd", "token", "secret")

// targetName is the name an assignment target binds: a name, or an
// attribute's final name.
func targetName(e ast.Expr) string {
	switch n := e.(type) {
	case *ast.Name:
		return n.ID
	case *ast.Attribute:
		return n.Attr
	}
	return ""
}
