package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "B105", Name: "hardcoded_password_string", Severity: Low, Confidence: Medium, CWE: 259,
		Message:        "possible hard-coded password",
		Recommendation: "Read secrets from the environment or a secret store at run time; never commit them.",
		Help: "A password, token or secret written in the source is in every copy of the code and its history. " +
			"Flagged: a string assigned to a name like `password` or `api_token`, the value of such a dict key or subscript, and a string compared with such a name.",
		Flagged: []string{"password = 'hunter2'\n", "cfg = {'api_token': 'abc'}\n", "if pwd == 'admin':\n    pass\n", "d['password'] = 'x'\n"},
		Clean:   []string{"password = os.environ['PASSWORD']\n", "passwords = 'x'\n", "password: str = 'x'\n", "cfg = {'token': get_token()}\n"},
		Kinds:   []Kind{KindAssign, KindDict, KindCompare},
		Check: func(c *Context, n ast.Node) {
			switch s := n.(type) {
			case *ast.Assign:
				v, ok := s.Value.(*ast.Constant)
				if !ok || v.Kind != ast.ConstStr {
					return
				}
				for _, t := range s.Targets {
					name := targetName(t)
					if sub, isSub := t.(*ast.Subscript); isSub {
						name, _ = StrConst(sub.Slice)
					}
					if name != "" && passwordName.MatchString(name) {
						c.Report(v)
						return
					}
				}
			case *ast.Dict:
				for i, k := range s.Keys {
					if key, ok := StrConst(k); ok && passwordName.MatchString(key) {
						if v, isConst := s.Values[i].(*ast.Constant); isConst {
							c.Report(v)
						}
					}
				}
			case *ast.Compare:
				name := targetName(s.Left)
				if name == "" || !passwordName.MatchString(name) {
					return
				}
				if v, ok := s.Comparators[0].(*ast.Constant); ok && v.Kind == ast.ConstStr {
					c.Report(v)
				}
			}
		},
	})
}
