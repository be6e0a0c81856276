package rules

import (
	"strings"

	"github.com/pyward/pyward/python/ast"
)

func init() {
	Register(&Rule{
		ID: "B202", Name: "tarfile_unsafe_members", Severity: High, Confidence: High, CWE: 22,
		Message:        "tarfile extractall without a filter: member names can write outside the target folder",
		Recommendation: "Pass filter='data' (Python 3.12, and backported to older releases), or check every member's path before extracting.",
		Help: "Archive members can have absolute names, `../` components or links, so extracting an untrusted archive can overwrite any file the process may write. " +
			"With a `members=` list the risk depends on how it was built: a function call (LOW) probably filters, anything else (MEDIUM) may not.",
		BanditDiff: "`filter='tar'` is accepted as safe like `filter='data'` (both refuse absolute names and `..`); Bandit accepts only `'data'`. Any import of tarfile (`from tarfile import open`) enables the rule; Bandit needs `import tarfile` exactly. A filter given by an expression (`filter=filter`) is reported LOW/LOW as worth a look, not HIGH as missing. A `members=` value that is a method call (`members=safe.filter(t)`) is reported LOW like any call; Bandit crashes on it internally and reports nothing.",
		Flagged:    []string{"import tarfile\nt = tarfile.open(p)\nt.extractall(dest)\n", "import tarfile\nt.extractall(dest, members=names)\n"},
		Clean:      []string{"import tarfile\nt.extractall(dest, filter='data')\n", "t.extractall(dest)\n"},
		Kinds:      []Kind{KindCall},
		CallWhen:   func(q, _ string) bool { return strings.Contains(lastPart(q), "extractall") },
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			if !strings.Contains(lastPart(c.CallName(call)), "extractall") || !c.importContains("tarfile") {
				return
			}
			if fv := Keyword(call, "filter"); fv != nil {
				f, literal := StrConst(fv)
				if literal && (f == "data" || f == "tar") {
					return
				}
				if !literal && !isConst(fv, ast.ConstNone) {
					// A filter chosen at run time (shutil.unpack_archive passes
					// its own parameter): probably a safe one, worth a look.
					c.ReportWith(call, Low, Low, "tarfile extractall with a filter chosen at run time: check that it is 'data' or 'tar'")
					return
				}
			}
			if m := Keyword(call, "members"); m != nil {
				if _, isCall := m.(*ast.Call); isCall {
					c.ReportWith(call, Low, Low, c.rule.Message)
				} else {
					c.ReportWith(call, Medium, Medium, c.rule.Message)
				}
				return
			}
			c.Report(call)
		},
	})
}
