package assess

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/pyward/pyward/config"
)

// flowRules lists the PW4xx findings of a file as rule:line.
func flowRules(res FileResult) []string {
	var out []string
	for _, f := range res.Findings {
		if strings.HasPrefix(f.Rule.ID, "PW4") {
			out = append(out, f.Rule.ID+":"+strconv.Itoa(f.Line))
		}
	}
	return out
}

// A configuration's flow section teaches the analysis a team's own
// sources, sinks and sanitizers; the built-in model knows none of them.
func TestConfiguredFlowModel(t *testing.T) {
	p := filepath.Join(t.TempDir(), ".pyward.yaml")
	os.WriteFile(p, []byte(`flow:
  sources:
    - {name: company.http.get_param, call: true, labels: user|remote}
    - {name: company.web.current_request, call: true, labels: request}
    - {name: company.ctx.params, labels: user}
  propagators:
    - {func: company.text.normalize}
  guards:
    - {func: company.paths.is_inside_uploads, families: [path]}
  sinks:
    - {func: company.shell.run, family: command}
    - {func: company.files.open_upload, family: path}
  sanitizers:
    - {func: company.sql.quote, families: [sql]}
    - {func: .quote, families: [sql]}
`), 0o644)
	cfg, err := config.LoadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, src     string
		mine, builtin []string
	}{
		{"a team's source into a built-in sink",
			"import subprocess\nfrom company.http import get_param\nsubprocess.run(get_param('cmd'), shell=True)\n",
			[]string{"PW402:3"}, nil},
		{"input into a team's sink",
			"import company.shell\ncompany.shell.run(input())\n",
			[]string{"PW402:2"}, nil},
		// A path sink counts request data only, and the team's source and
		// sink make the file analysed without a web framework's import.
		{"a team's source into a team's path sink",
			"from company.http import get_param\nfrom company.files import open_upload\nopen_upload(get_param('name'))\n",
			[]string{"PW405:3"}, nil},
		{"a team's sanitizer method, defined in the file",
			"import sqlite3\nclass Repo:\n    def quote(self, s):\n        return s.replace(\"'\", \"''\")\n    def find(self, name):\n        cur = sqlite3.connect('x').cursor()\n        cur.execute(\"select * from t where a = '\" + self.quote(name) + \"'\")\nRepo().find(input())\n",
			nil, []string{"PW404:7"}},
		{"a team's request object",
			"import os\nfrom company.web import current_request\nreq = current_request()\nos.system(req.args.get('c'))\n",
			[]string{"PW402:4"}, nil},
		{"a team's attribute source",
			"import os\nimport company.ctx\nos.system(company.ctx.params['c'])\n",
			[]string{"PW402:3"}, nil},
		{"a team's propagator",
			"import os\nfrom company.text import normalize\nos.system(normalize(input()))\n",
			[]string{"PW402:3"}, nil},
		{"a team's guard",
			"from company.http import get_param\nfrom company.paths import is_inside_uploads\np = get_param('f')\nif is_inside_uploads(p):\n    open(p)\nopen(p, 'w')\n",
			[]string{"PW405:6"}, nil},
		// A SQL quoting helper does not make a command safe: the
		// declared sanitizer passes the input on to other families.
		{"a sanitizer protects only its families",
			"import os\nfrom company.sql import quote\nos.system('echo ' + quote(input()))\n",
			[]string{"PW402:3"}, nil},
	} {
		mine := flowRules(assess(t, cfg, "x.py", tc.src))
		builtin := flowRules(assess(t, config.Default(), "x.py", tc.src))
		if !slices.Equal(mine, tc.mine) || !slices.Equal(builtin, tc.builtin) {
			t.Errorf("%s: %v with the section, %v without; want %v and %v", tc.name, mine, builtin, tc.mine, tc.builtin)
		}
	}
}
