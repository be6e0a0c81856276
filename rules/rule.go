// Package rules holds pyward's checks: the rule registry, one rule per file,
// the per-file context that resolves imported names, and suppression
// comments. Each rule is a value carrying its documentation and its own
// examples, from which docs are generated and against which a generic test
// runs every rule. It does no I/O.
package rules

import (
	"fmt"
	"sort"
	"strings"

	"github.com/pyward/pyward/python/ast"
)

// Level is a severity or a confidence.
type Level uint8

const (
	Undefined Level = iota
	Low
	Medium
	High
)

func (l Level) String() string {
	return [...]string{"UNDEFINED", "LOW", "MEDIUM", "HIGH"}[l]
}

// ParseLevel reads LOW, MEDIUM or HIGH (any case).
func ParseLevel(s string) (Level, error) {
	switch strings.ToUpper(s) {
	case "LOW":
		return Low, nil
	case "MEDIUM":
		return Medium, nil
	case "HIGH":
		return High, nil
	}
	return Undefined, fmt.Errorf("%q is not a level (LOW, MEDIUM or HIGH)", s)
}

// Kind is a kind of syntax node a rule asks to be shown.
type Kind uint8

const (
	KindCall Kind = iota
	KindImport
	KindImportFrom
	KindAssert
	KindExceptHandler
	// KindStr is every str constant, f-string pieces included, except a
	// string that is a statement by itself (docstrings), as Bandit checks.
	KindStr
	KindAssign
	KindAnnAssign
	KindDict
	KindCompare
	// KindFunctionDef is a plain def (not async def, not lambda), as Bandit
	// checks.
	KindFunctionDef
	KindBinOp
	KindJoinedStr
	// KindFile is called once per file, with the Module, for checks on
	// the source text.
	KindFile
	// KindEnd is called once per file with the Module, after every node
	// was shown to the other rules: import aliases are then complete, for
	// checks that analyse whole functions.
	KindEnd
	// KindText is called once per file with a nil node, for checks on the
	// source text alone (secrets). It also runs on files that cannot be
	// parsed: then c.File has no Module or comments, and Src is the
	// decoded text, or the raw bytes when they cannot be decoded.
	KindText
	numKinds
)

// Rule is one check with its documentation and evidence.
type Rule struct {
	ID             string // B602, PW101, ...
	Name           string // snake_case name; Bandit's test name for B rules
	Severity       Level
	Confidence     Level
	CWE            int
	Message        string // one line, the default finding message
	Recommendation string // what to do instead
	Help           string // markdown
	// Engine is the external engine a rule belongs to ("" for pyward's
	// own rules).
	Engine string
	// Secret marks a rule whose flagged span is a secret: outputs show it
	// only redacted (see Redact), and messages must not quote it.
	Secret bool
	// BanditDiff says, for a Bandit rule, where pyward deliberately
	// reports differently from Bandit and why (markdown); empty when the
	// rule follows Bandit exactly.
	BanditDiff string
	// Flagged are programs on which the rule must report, each at least once;
	// Clean are programs on which it must not report.
	Flagged []string
	Clean   []string
	// Options are the settings the rule reads from its configuration.
	Options []Option
	// Kinds are the node kinds Check is called for.
	Kinds []Kind
	// Calls and CallLast narrow a KindCall rule to calls whose qualified
	// name is one of Calls, or whose last component is one of CallLast, so
	// that a call is shown only to the rules that can report on it. A rule
	// with neither sees every call.
	Calls    []string
	CallLast []string
	// CallLists narrows it instead to the calls whose qualified name is
	// in one of these list options of the rule (the configurable lists of
	// process functions); a rule has CallLists or Calls and CallLast, not
	// both (see TestCallNarrowing).
	CallLists []string
	// CallKeywords narrows a rule that sees every call to the calls that
	// pass one of these keyword arguments, for rules that report on one
	// (verify=False, shell=True): they keep their place among the rules
	// of every call.
	CallKeywords []string
	// CallWhen narrows a rule that would see every call to the calls
	// whose name it accepts: q as CallName gives it and method, the
	// attribute called ("" for a plain call), and nothing else (not the
	// rule's options: it is asked once per name and file, outside the
	// rule). It must accept every name the rule can report on or take
	// note of (TestCallWhenKeepsFindings compares with the rule shown
	// every call). The rules keep their place among those of every call.
	CallWhen func(q, method string) bool
	// Check inspects one node and reports through c.Report.
	Check func(c *Context, n ast.Node)
}

// Option is one setting of a rule, with its default.
type Option struct {
	Name    string
	Default []string // a list option's default: names of functions, paths
	// Bool makes the option a switch (true or false) rather than a list;
	// On is then its default.
	Bool bool
	On   bool
	Help string
}

// CheckOptions returns an error naming the first option r does not have,
// or a value that is not a list of strings.
func (r *Rule) CheckOptions(opts map[string]any) error {
	for name, v := range opts {
		var opt *Option
		for i := range r.Options {
			if r.Options[i].Name == name {
				opt = &r.Options[i]
			}
		}
		if opt == nil {
			var known []string
			for _, o := range r.Options {
				known = append(known, o.Name)
			}
			if len(known) == 0 {
				return fmt.Errorf("rule %s has no options (%q given)", r.ID, name)
			}
			return fmt.Errorf("rule %s has no option %q (options: %s)", r.ID, name, strings.Join(known, ", "))
		}
		if opt.Bool {
			if _, ok := v.(bool); !ok {
				return fmt.Errorf("rule %s option %q: want true or false", r.ID, name)
			}
		} else if _, ok := stringList(v); !ok {
			return fmt.Errorf("rule %s option %q: want a list of strings", r.ID, name)
		}
	}
	return nil
}

func stringList(v any) ([]string, bool) {
	items, ok := v.([]any)
	if !ok {
		return nil, false
	}
	out := make([]string, 0, len(items))
	for _, it := range items {
		s, ok := it.(string)
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

var registry = map[string]*Rule{}

// Register adds a rule; rule files call it from init. A rule without
// examples both ways cannot be registered.
func Register(r *Rule) {
	switch {
	case r.ID == "" || r.Name == "" || r.Message == "" || r.Recommendation == "" || r.Help == "":
		panic("rules: rule " + r.ID + " lacks documentation")
	case len(r.Flagged) == 0 || len(r.Clean) == 0:
		panic("rules: rule " + r.ID + " needs examples that flag and examples that do not")
	case r.Check == nil || len(r.Kinds) == 0:
		panic("rules: rule " + r.ID + " has no check")
	case registry[r.ID] != nil:
		panic("rules: duplicate rule " + r.ID)
	}
	registry[r.ID] = r
}

// All returns every rule, sorted by ID.
func All() []*Rule {
	out := make([]*Rule, 0, len(registry))
	for _, r := range registry {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Lookup returns the rule with the given ID or name, or nil.
func Lookup(idOrName string) *Rule {
	if r := registry[strings.ToUpper(idOrName)]; r != nil {
		return r
	}
	for _, r := range registry {
		if r.Name == idOrName {
			return r
		}
	}
	return nil
}
