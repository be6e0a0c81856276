package config

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/pyward/pyward/flow"
	"gopkg.in/yaml.v3"
)

// Flow is the flow section: a team's own sources, sinks, sanitizers,
// propagators and guards, added to the built-in data-flow models (package
// flow) so that the PW4xx rules follow values through the team's own
// wrappers. Names are qualified names after import resolution, as in the
// built-in tables: "company.shell.run", ".run" for any method of that
// name, "company.db.*" for every name under a prefix.
type Flow struct {
	Sources     []FlowSource     `yaml:"sources,omitempty"`
	Sinks       []FlowSink       `yaml:"sinks,omitempty"`
	Sanitizers  []FlowSanitizer  `yaml:"sanitizers,omitempty"`
	Propagators []FlowPropagator `yaml:"propagators,omitempty"`
	Guards      []FlowGuard      `yaml:"guards,omitempty"`
}

// FlowSource is a value from outside: what calling Name returns (Call),
// else what reading it gives.
type FlowSource struct {
	Name   string `yaml:"name"`
	Call   bool   `yaml:"call"`
	Labels Names  `yaml:"labels,flow"`
	Note   string `yaml:"note,omitempty"`
}

// FlowSink is a call whose arguments Args (positions from 0; default the
// first), Keywords, every positional argument (AllArgs) or receiver
// (Receiver) must not carry outside values, reported as Family.
type FlowSink struct {
	Func     string   `yaml:"func"`
	Family   string   `yaml:"family"`
	Args     []int    `yaml:"args,omitempty,flow"`
	Keywords []string `yaml:"keywords,omitempty,flow"`
	AllArgs  bool     `yaml:"all-args,omitempty"`
	Receiver bool     `yaml:"receiver,omitempty"`
}

// FlowSanitizer is a call whose result is safe for Families ("*": all).
type FlowSanitizer struct {
	Func     string `yaml:"func"`
	Families Names  `yaml:"families,flow"`
}

// FlowPropagator is a call whose result carries its inputs' labels: From
// "args", "recv" (the receiver), "arg0" (the first argument), or both
// arguments and receiver when empty.
type FlowPropagator struct {
	Func string `yaml:"func"`
	From string `yaml:"from,omitempty"`
}

// FlowGuard is a test, `if Func(x):`, that makes its argument Arg safe
// for Families inside the branch it guards.
type FlowGuard struct {
	Func     string `yaml:"func"`
	Arg      int    `yaml:"arg,omitempty"`
	Families Names  `yaml:"families,flow"`
}

// Names is a list of label or family names, written as a list or as one
// string ("user|remote").
type Names []string

// UnmarshalYAML reads a list, or one string split at |, commas and spaces.
func (n *Names) UnmarshalYAML(v *yaml.Node) error {
	if v.Kind == yaml.ScalarNode {
		*n = splitNames(v.Value)
		return nil
	}
	var l []string
	if err := v.Decode(&l); err != nil {
		return err
	}
	*n = l
	return nil
}

func splitNames(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == '|' || r == ',' || r == ' ' })
}

// Empty reports whether the section adds nothing: the built-in model
// applies as it is.
func (f Flow) Empty() bool {
	return len(f.Sources)+len(f.Sinks)+len(f.Sanitizers)+len(f.Propagators)+len(f.Guards) == 0
}

// Library is the section as a flow model, named name (the configuration
// file, which flow.Compile's errors then name).
//
// The team's sinks and call sources also make a file worth analysing
// (the model's Triggers): the built-in web sinks (paths, URLs...) do not,
// because only request data reaches them and the web framework's import
// makes the file analysed, but a team's own request wrapper is imported
// from the team's own module.
func (f Flow) Library(name string) flow.Library {
	lib := flow.Library{Name: name}
	trigger := func(n string) {
		if !strings.HasPrefix(n, ".") {
			lib.Triggers = append(lib.Triggers, strings.TrimSuffix(n, "*"))
		}
	}
	for _, s := range f.Sources {
		lib.Sources = append(lib.Sources, flow.Source{Name: s.Name, Call: s.Call, Labels: strings.Join(s.Labels, "|"), Note: s.Note})
		if s.Call {
			trigger(s.Name)
		}
	}
	for _, s := range f.Sinks {
		lib.Sinks = append(lib.Sinks, flow.Sink{Func: s.Func, Family: s.Family, Args: s.Args, Kws: s.Keywords, AllArgs: s.AllArgs, Recv: s.Receiver})
		trigger(s.Func)
	}
	for _, s := range f.Sanitizers {
		lib.Sanitizers = append(lib.Sanitizers, flow.Sanitizer{Func: s.Func, Families: strings.Join(s.Families, "|")})
	}
	for _, p := range f.Propagators {
		lib.Propagators = append(lib.Propagators, flow.Propagator{Func: p.Func, From: p.From})
	}
	for _, g := range f.Guards {
		lib.Guards = append(lib.Guards, flow.Guard{Func: g.Func, Arg: g.Arg, Families: strings.Join(g.Families, "|")})
	}
	return lib
}

// The checks of the flow section, on its YAML nodes (see validate.go):
// each entry's keys, a name of the shape the tables match, labels and
// families that exist, argument positions of 0 or more.

// flowEntry describes the entries of one list of the section: their
// fields and what each field must be.
type flowEntry struct {
	example string            // an entry, for messages
	name    string            // the field that names the entry: name or func
	fields  map[string]string // field -> kind: name, bool, labels, family, families, positions, position, strings, from, text
	need    []string          // required fields besides name
}

var flowEntries = map[string]flowEntry{
	"sources": {
		example: "{name: company.http.get_param, call: true, labels: user|remote}",
		name:    "name",
		fields:  map[string]string{"name": "name", "call": "bool", "labels": "labels", "note": "text"},
		need:    []string{"labels"},
	},
	"sinks": {
		example: "{func: company.shell.run, family: command, args: [0]}",
		name:    "func",
		fields: map[string]string{"func": "name", "family": "family", "args": "positions", "keywords": "strings",
			"all-args": "bool", "receiver": "bool"},
		need: []string{"family"},
	},
	"sanitizers": {
		example: "{func: company.sql.quote, families: [sql]}",
		name:    "func",
		fields:  map[string]string{"func": "name", "families": "families"},
		need:    []string{"families"},
	},
	"propagators": {
		example: "{func: company.text.normalize, from: args}",
		name:    "func",
		fields:  map[string]string{"func": "name", "from": "from"},
	},
	"guards": {
		example: "{func: company.paths.is_safe, arg: 0, families: [path]}",
		name:    "func",
		fields:  map[string]string{"func": "name", "arg": "position", "families": "families"},
		need:    []string{"families"},
	},
}

var flowLists = []string{"sources", "sinks", "sanitizers", "propagators", "guards"}

// qualName is the shape of a name the model's tables can match: dotted
// identifiers, or ".method", or "prefix.*".
var qualName = regexp.MustCompile(`^(\.?[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*(\.\*)?|\.[A-Za-z_][A-Za-z0-9_]*)$`)

// checkFlow checks the flow section.
func checkFlow(file string, v *yaml.Node) error {
	bad := func(n *yaml.Node, hint, format string, args ...any) error {
		return &Error{File: file, Line: n.Line, Msg: "flow: " + fmt.Sprintf(format, args...), hint: hint}
	}
	if v.Kind != yaml.MappingNode {
		return bad(v, "", "expected a table of %s, such as {sinks: [%s]}", strings.Join(flowLists, ", "), flowEntries["sinks"].example)
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, list := v.Content[i], v.Content[i+1]
		spec, ok := flowEntries[k.Value]
		if !ok {
			return bad(k, k.Value, "%s", unknownKey(k.Value, flowLists))
		}
		if list.Kind != yaml.SequenceNode {
			return bad(list, k.Value, "%s: expected a list of entries, such as [%s]", k.Value, spec.example)
		}
		seen := map[string]int{}
		for _, e := range list.Content {
			if err := checkFlowEntry(file, k.Value, spec, e, seen); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkFlowEntry checks one entry of list; seen holds the names given so
// far with their lines (a second source or sanitizer of the same name
// replaces the first, silently; a sink adds to it).
func checkFlowEntry(file, list string, spec flowEntry, e *yaml.Node, seen map[string]int) error {
	where := "flow: " + list
	bad := func(n *yaml.Node, hint, format string, args ...any) error {
		return &Error{File: file, Line: n.Line, Msg: where + ": " + fmt.Sprintf(format, args...), hint: hint}
	}
	if e.Kind != yaml.MappingNode {
		return bad(e, "", "each entry is a table, such as %s", spec.example)
	}
	known := make([]string, 0, len(spec.fields))
	for f := range spec.fields {
		known = append(known, f)
	}
	have := map[string]*yaml.Node{}
	for j := 0; j+1 < len(e.Content); j += 2 {
		k := e.Content[j]
		if _, ok := spec.fields[k.Value]; !ok {
			return bad(k, k.Value, "%s", unknownKey(k.Value, known))
		}
		have[k.Value] = e.Content[j+1]
	}
	nameNode, ok := have[spec.name]
	if !ok {
		return bad(e, "", "this entry has no %s (the qualified name of the call or value, such as %s)", spec.name, spec.example)
	}
	for _, f := range spec.need {
		if _, ok := have[f]; !ok {
			return bad(e, nameNode.Value, "%s: this entry has no %s (%s)", nameNode.Value, f, flowFieldHelp(f))
		}
	}
	for j := 0; j+1 < len(e.Content); j += 2 {
		key, val := e.Content[j].Value, e.Content[j+1]
		if err := checkFlowField(spec.fields[key], key, val, func(n *yaml.Node, hint, msg string) error {
			return bad(n, hint, "%s", msg)
		}); err != nil {
			return err
		}
	}
	if list != "sinks" {
		if first, ok := seen[nameNode.Value]; ok {
			return bad(nameNode, nameNode.Value, "%q is given twice (first on line %d); keep one", nameNode.Value, first)
		}
		seen[nameNode.Value] = nameNode.Line
	}
	return nil
}

// flowFieldHelp says what a field takes.
func flowFieldHelp(field string) string {
	switch field {
	case "labels":
		return "where the value comes from: one or more of " + strings.Join(flowLabelNames(), ", ")
	case "family":
		return "the kind of sink: one of " + strings.Join(flow.SinkFamilies(), ", ")
	case "families":
		return "the sink families it protects, or \"*\" for all: " + strings.Join(flow.SinkFamilies(), ", ")
	}
	return field
}

// flowLabelNames lists every label of the flow models.
func flowLabelNames() []string { return (^flow.Labels(0)).Names() }

// checkFlowField checks one field's value by its kind; bad places an
// error on a node.
func checkFlowField(kind, key string, val *yaml.Node, bad func(n *yaml.Node, hint, msg string) error) error {
	scalar := func(what string) error {
		if val.Kind != yaml.ScalarNode {
			return bad(val, key, fmt.Sprintf("%s: expected %s, not %s", key, what, describe(val)))
		}
		return nil
	}
	switch kind {
	case "name":
		if err := scalar("a qualified name, such as company.shell.run"); err != nil {
			return err
		}
		switch v := strings.TrimSpace(val.Value); {
		case v == "":
			return bad(val, `""`, fmt.Sprintf("%s is empty: give the qualified name, such as company.shell.run", key))
		case !qualName.MatchString(v):
			return bad(val, val.Value, fmt.Sprintf("%s %q is not a qualified name: dotted names such as company.shell.run, .name for any method of that name, prefix.* for every name under a prefix", key, val.Value))
		}
	case "text":
		return scalar("a text")
	case "bool":
		if val.Kind != yaml.ScalarNode || val.Tag != "!!bool" {
			return bad(val, key, fmt.Sprintf("%s: expected true or false, not %s", key, describe(val)))
		}
	case "labels":
		return flowNames(val, key, flowLabelNames(), "label", false, bad)
	case "family":
		if err := scalar("a sink family, such as command"); err != nil {
			return err
		}
		return flowName(val, val.Value, key, flow.SinkFamilies(), "sink family", bad)
	case "families":
		return flowNames(val, key, flow.SinkFamilies(), "sink family", true, bad)
	case "positions":
		if val.Kind != yaml.SequenceNode {
			return bad(val, key, fmt.Sprintf("%s: expected a list of argument positions counted from 0, such as [0] or [0, 2], not %s", key, describe(val)))
		}
		for _, c := range val.Content {
			if err := position(c, key, bad); err != nil {
				return err
			}
		}
	case "position":
		return position(val, key, bad)
	case "strings":
		if val.Kind != yaml.SequenceNode {
			return bad(val, key, fmt.Sprintf("%s: expected a list of keyword names, such as [cmd], not %s", key, describe(val)))
		}
		for _, c := range val.Content {
			if c.Kind != yaml.ScalarNode || strings.TrimSpace(c.Value) == "" {
				return bad(c, key, fmt.Sprintf("%s: expected keyword names; this item is %s", key, describe(c)))
			}
		}
	case "from":
		if val.Kind != yaml.ScalarNode || !oneOf(val.Value, "args", "recv", "arg0") {
			return bad(val, val.Value, fmt.Sprintf("%s: %s is not one of args, recv, arg0 (leave it out for arguments and receiver)", key, describe(val)))
		}
	}
	return nil
}

// position checks an argument position: a whole number, 0 or more.
func position(n *yaml.Node, key string, bad func(n *yaml.Node, hint, msg string) error) error {
	v, err := strconv.Atoi(n.Value)
	switch {
	case n.Kind != yaml.ScalarNode || err != nil:
		return bad(n, key, fmt.Sprintf("%s: expected an argument position (a whole number from 0), not %s", key, describe(n)))
	case v < 0:
		return bad(n, n.Value, fmt.Sprintf("%s: %d is negative; positions count from 0, the first argument", key, v))
	}
	return nil
}

// flowNames checks labels or families: a list of names or one string of
// names separated by |; star allows "*" alone (every family).
func flowNames(val *yaml.Node, key string, known []string, what string, star bool, bad func(n *yaml.Node, hint, msg string) error) error {
	items := []*yaml.Node{val}
	switch val.Kind {
	case yaml.SequenceNode:
		items = val.Content
	case yaml.ScalarNode:
	default:
		return bad(val, key, fmt.Sprintf("%s: expected a list of names, such as [%s], not %s", key, known[0], describe(val)))
	}
	count := 0
	for _, it := range items {
		if it.Kind != yaml.ScalarNode {
			return bad(it, key, fmt.Sprintf("%s: expected names; this item is %s", key, describe(it)))
		}
		for _, n := range splitNames(it.Value) {
			count++
			if star && n == "*" {
				if len(items) > 1 || len(splitNames(it.Value)) > 1 {
					return bad(it, "*", fmt.Sprintf(`%s: "*" is every family; give it alone`, key))
				}
				continue
			}
			if err := flowName(it, n, key, known, what, bad); err != nil {
				return err
			}
		}
	}
	if count == 0 {
		return bad(val, key, fmt.Sprintf("%s: no %s given (%s)", key, what, strings.Join(known, ", ")))
	}
	return nil
}

// flowName checks one name against known, suggesting the closest.
func flowName(n *yaml.Node, name, key string, known []string, what string, bad func(n *yaml.Node, hint, msg string) error) error {
	if oneOf(name, known...) {
		return nil
	}
	msg := fmt.Sprintf("%s: unknown %s %q (one of %s)", key, what, name, strings.Join(known, ", "))
	if s := suggest(name, known); s != "" {
		msg = fmt.Sprintf("%s: unknown %s %q (did you mean %q?)", key, what, name, s)
	}
	return bad(n, name, msg)
}
