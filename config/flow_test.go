package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/pyward/pyward/flow"
)

const flowExample = `fail-on: high
flow:
  sources:
    - {name: company.http.get_param, call: true, labels: user|remote}
    - name: company.ctx.params
      labels: [user, remote]
      note: the request's parameters
  sinks:
    - {func: company.shell.run, family: command, args: [0]}
    - {func: company.db.raw, family: sql, args: [1], keywords: [query]}
    - {func: .run_query, family: sql, all-args: true}
  sanitizers:
    - {func: company.sql.quote, families: [sql]}
    - {func: company.num.parse, families: "*"}
  propagators:
    - {func: company.text.normalize, from: args}
  guards:
    - {func: company.paths.is_safe, arg: 0, families: path}
`

// The section is read into Config.Flow, and becomes a model that compiles.
func TestFlowSection(t *testing.T) {
	p := write(t, flowExample)
	c, err := LoadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	want := Flow{
		Sources: []FlowSource{
			{Name: "company.http.get_param", Call: true, Labels: Names{"user", "remote"}},
			{Name: "company.ctx.params", Labels: Names{"user", "remote"}, Note: "the request's parameters"},
		},
		Sinks: []FlowSink{
			{Func: "company.shell.run", Family: "command", Args: []int{0}},
			{Func: "company.db.raw", Family: "sql", Args: []int{1}, Keywords: []string{"query"}},
			{Func: ".run_query", Family: "sql", AllArgs: true},
		},
		Sanitizers:  []FlowSanitizer{{Func: "company.sql.quote", Families: Names{"sql"}}, {Func: "company.num.parse", Families: Names{"*"}}},
		Propagators: []FlowPropagator{{Func: "company.text.normalize", From: "args"}},
		Guards:      []FlowGuard{{Func: "company.paths.is_safe", Families: Names{"path"}}},
	}
	if !reflect.DeepEqual(c.Flow, want) {
		t.Errorf("flow = %+v\nwant %+v", c.Flow, want)
	}
	if c.Origin["flow"] != p || Default().Origin["flow"] != "default" || !Default().Flow.Empty() || c.Flow.Empty() {
		t.Errorf("origin %q, or Empty wrong", c.Origin["flow"])
	}
	m, err := flow.Compile(c.Flow.Library(p))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"company.shell.run", "company.db.raw", "company.http.get_param"} {
		if !m.Wants(q, "") {
			t.Errorf("a file calling %s is not analysed", q)
		}
	}
	if !m.Wants("x.run_query", "run_query") {
		t.Error("a method sink is not wanted")
	}
}

// Every mistake in the section is an error on its line, in the
// configuration's words.
func TestFlowMistakes(t *testing.T) {
	tests := []struct{ body, want string }{
		{"flow: [sinks]\n", `:1: flow: expected a table of sources, sinks, sanitizers, propagators, guards`},
		{"flow:\n  sink: []\n", `:2: flow: unknown key "sink" (did you mean "sinks"?)`},
		{"flow:\n  sinks: {func: a.b}\n", `:2: flow: sinks: expected a list of entries, such as [{func: company.shell.run`},
		{"flow:\n  sinks:\n    - company.shell.run\n", `:3: flow: sinks: each entry is a table, such as {func:`},
		// Unknown keys, on their own line.
		{"flow:\n  sinks:\n    - func: a.run\n      family: command\n      fucn: b\n", `:5: flow: sinks: unknown key "fucn" (did you mean "func"?)`},
		{"flow:\n  sources:\n    - name: a.get\n      label: user\n", `:4: flow: sources: unknown key "label" (did you mean "labels"?)`},
		{"flow:\n  sanitizers:\n    - {func: a.q, family: sql}\n", `:3: flow: sanitizers: unknown key "family" (known keys: families, func)`},
		// Names: missing, empty, not a name.
		{"flow:\n  sinks:\n    - family: command\n", `:3: flow: sinks: this entry has no func`},
		{"flow:\n  sinks:\n    - func: \"\"\n      family: command\n", `:3: flow: sinks: func is empty`},
		{"flow:\n  sinks:\n    -\n      family: command\n      func: \"  \"\n", `:5: flow: sinks: func is empty`},
		{"flow:\n  sources:\n    - {name: '', labels: user}\n", `:3: flow: sources: name is empty`},
		{"flow:\n  sinks:\n    - func: company.shell.run()\n      family: command\n", `:3: flow: sinks: func "company.shell.run()" is not a qualified name`},
		{"flow:\n  sinks:\n    - {func: [a.b], family: command}\n", `:3: flow: sinks: func: expected a qualified name, such as company.shell.run, not a list`},
		// Families.
		{"flow:\n  sinks:\n    - func: a.run\n      family: comand\n", `:4: flow: sinks: family: unknown sink family "comand" (did you mean "command"?)`},
		{"flow:\n  sinks:\n    - func: a.run\n      family: shell-spawn\n", `:4: flow: sinks: family: unknown sink family "shell-spawn"`},
		{"flow:\n  sinks:\n    - func: a.run\n", `:3: flow: sinks: a.run: this entry has no family (the kind of sink: one of code, command`},
		{"flow:\n  sanitizers:\n    - func: a.q\n      families:\n        - sql\n        - htm\n", `:6: flow: sanitizers: families: unknown sink family "htm"`},
		{"flow:\n  sanitizers:\n    - {func: a.q, families: []}\n", `:3: flow: sanitizers: families: no sink family given`},
		{"flow:\n  sanitizers:\n    - {func: a.q, families: [\"*\", sql]}\n", `:3: flow: sanitizers: families: "*" is every family; give it alone`},
		{"flow:\n  sanitizers:\n    - {func: a.q}\n", `:3: flow: sanitizers: a.q: this entry has no families`},
		{"flow:\n  guards:\n    - {func: a.ok, families: xs}\n", `:3: flow: guards: families: unknown sink family "xs" (did you mean "xss"?)`},
		// Labels.
		{"flow:\n  sources:\n    - name: a.get\n      call: true\n      labels: usr\n", `:5: flow: sources: labels: unknown label "usr" (did you mean "user"?)`},
		{"flow:\n  sources:\n    - name: a.get\n      labels:\n        - user\n        - remot\n", `:6: flow: sources: labels: unknown label "remot" (did you mean "remote"?)`},
		{"flow:\n  sources:\n    - {name: a.get, labels: \"\"}\n", `:3: flow: sources: labels: no label given`},
		{"flow:\n  sources:\n    - {name: a.get}\n", `:3: flow: sources: a.get: this entry has no labels (where the value comes from`},
		{"flow:\n  sources:\n    - {name: a.get, labels: user, call: yes please}\n", `:3: flow: sources: call: expected true or false, not "yes please"`},
		// Argument positions.
		{"flow:\n  sinks:\n    - func: a.run\n      family: command\n      args: [0, -1]\n", `:5: flow: sinks: args: -1 is negative; positions count from 0`},
		{"flow:\n  sinks:\n    - func: a.run\n      family: command\n      args:\n        - 1\n        - -2\n", `:7: flow: sinks: args: -2 is negative`},
		{"flow:\n  sinks:\n    - {func: a.run, family: command, args: 0}\n", `:3: flow: sinks: args: expected a list of argument positions counted from 0, such as [0] or [0, 2], not "0"`},
		{"flow:\n  sinks:\n    - {func: a.run, family: command, args: [first]}\n", `:3: flow: sinks: args: expected an argument position (a whole number from 0), not "first"`},
		{"flow:\n  guards:\n    - {func: a.ok, families: path, arg: -1}\n", `:3: flow: guards: arg: -1 is negative`},
		{"flow:\n  sinks:\n    - {func: a.run, family: command, keywords: cmd}\n", `:3: flow: sinks: keywords: expected a list of keyword names, such as [cmd], not "cmd"`},
		// Propagators.
		{"flow:\n  propagators:\n    - {func: a.wrap, from: both}\n", `:3: flow: propagators: from: "both" is not one of args, recv, arg0`},
		// A second source or sanitizer of a name would replace the first.
		{"flow:\n  sanitizers:\n    - {func: a.q, families: [sql]}\n    - {func: a.q, families: [xss]}\n", `:4: flow: sanitizers: "a.q" is given twice (first on line 3); keep one`},
		// And a key given twice in an entry, as anywhere.
		{"flow:\n  sinks:\n    - func: a.run\n      family: command\n      family: sql\n", `:5: "family" is given twice (first on line 4)`},
	}
	for _, tc := range tests {
		p := write(t, tc.body)
		_, err := LoadFile(p)
		if err == nil || !strings.HasPrefix(err.Error(), "config "+p+tc.want) {
			t.Errorf("%q:\n got %v\nwant config %s%s…", tc.body, err, p, tc.want)
		}
	}
	// Two sinks of one call are two rows, and a star is every family.
	p := write(t, "flow:\n  sinks:\n    - {func: a.run, family: command}\n    - {func: a.run, family: sql, args: [1]}\n  sanitizers:\n    - {func: a.n, families: \"*\"}\n")
	c, err := LoadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := flow.Compile(c.Flow.Library(p)); err != nil {
		t.Error(err)
	}
}

// What passes the section's checks, flow.Compile accepts: the checks
// use the model's own label and family tables, so they cannot drift.
func TestFlowChecksMatchCompile(t *testing.T) {
	for _, f := range flow.SinkFamilies() {
		p := write(t, "flow:\n  sinks:\n    - {func: a.run, family: "+f+"}\n  sanitizers:\n    - {func: a.q, families: ["+f+"]}\n")
		c, err := LoadFile(p)
		if err != nil {
			t.Fatalf("family %s: %v", f, err)
		}
		if _, err := flow.Compile(c.Flow.Library(p)); err != nil {
			t.Errorf("family %s: %v", f, err)
		}
	}
	for _, l := range flowLabelNames() {
		p := write(t, "flow:\n  sources:\n    - {name: a.get, call: true, labels: "+l+"}\n")
		c, err := LoadFile(p)
		if err != nil {
			t.Fatalf("label %s: %v", l, err)
		}
		if _, err := flow.Compile(c.Flow.Library(p)); err != nil {
			t.Errorf("label %s: %v", l, err)
		}
	}
}

// In pyproject.toml the section is [tool.pyward.flow], and an error in
// a list of inline tables points at the entry's line, not the first.
func TestFlowInPyproject(t *testing.T) {
	p := filepath.Join(t.TempDir(), "pyproject.toml")
	body := "[project]\nname = \"x\"\n\n[tool.pyward.flow]\nsinks = [\n  {func = \"company.shell.run\", family = \"command\"},\n  {func = \"company.db.raw\", family = \"sql\", args = [1]},\n]\nsanitizers = [{func = \"company.sql.quote\", families = [\"sql\"]}]\n\n[[tool.pyward.flow.sources]]\nname = \"company.http.get_param\"\ncall = true\nlabels = \"user|remote\"\n"
	os.WriteFile(p, []byte(body), 0o644)
	c, err := LoadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Flow.Sinks) != 2 || c.Flow.Sinks[1].Args[0] != 1 || len(c.Flow.Sources) != 1 || !c.Flow.Sources[0].Call || len(c.Flow.Sanitizers) != 1 {
		t.Errorf("flow = %+v", c.Flow)
	}
	for _, tc := range []struct{ from, to, want string }{
		{`family = "sql"`, `family = "sq1"`, `:7: flow: sinks: family: unknown sink family "sq1"`},
		{`args = [1]`, `args = [-1]`, `:7: flow: sinks: args: -1 is negative`},
		{`labels = "user|remote"`, `labels = "user|remot"`, `:14: flow: sources: labels: unknown label "remot"`},
		{`{func = "company.db.raw"`, `{fnc = "company.db.raw"`, `:7: flow: sinks: unknown key "fnc"`},
	} {
		os.WriteFile(p, []byte(strings.Replace(body, tc.from, tc.to, 1)), 0o644)
		if _, err := LoadFile(p); err == nil || !strings.HasPrefix(err.Error(), "config "+p+tc.want) {
			t.Errorf("%s:\n got %v\nwant config %s%s…", tc.to, err, p, tc.want)
		}
	}
}
