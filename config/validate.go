package config

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// The checks below run on the YAML nodes before anything is decoded, so
// that every mistake is reported with its file and line, in the words of
// the configuration rather than of the decoder. A configuration that is
// silently half-applied is worse than one that fails: a misspelt level or
// a trusted entry without a reason changes what blocks.

var (
	levelNames    = []string{"LOW", "MEDIUM", "HIGH"}
	boundNames    = []string{"MEDIUM", "HIGH", "BLOCKED"}
	triggerNames  = []string{"blocked", "high"}
	trustedFields = []string{"paths", "rules", "reason"}
)

// checkDocument checks the shape and values of a configuration document:
// duplicate keys anywhere, lists where lists are expected, known names
// for points, levels and triggers, no negative numbers, valid globs,
// complete trusted entries and known severities.
func checkDocument(file string, root *yaml.Node) error {
	if err := duplicates(file, root); err != nil {
		return err
	}
	bad := func(n *yaml.Node, format string, args ...any) error {
		return &Error{File: file, Line: n.Line, Msg: fmt.Sprintf(format, args...)}
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "exclude":
			if err := globList(file, "exclude", v); err != nil {
				return err
			}
		case "points":
			if v.Kind != yaml.MappingNode {
				return bad(v, "points: expected a table of severities, such as {HIGH: {HIGH: 7, MEDIUM: 7, LOW: 4}}")
			}
			for j := 0; j+1 < len(v.Content); j += 2 {
				sev, conf := v.Content[j], v.Content[j+1]
				if err := name(file, "points", sev, levelNames, "severity"); err != nil {
					return err
				}
				if conf.Kind != yaml.MappingNode {
					return bad(conf, "points: %s: expected points by confidence, such as {HIGH: 7, MEDIUM: 7, LOW: 4}", sev.Value)
				}
				for m := 0; m+1 < len(conf.Content); m += 2 {
					if err := name(file, "points: "+sev.Value, conf.Content[m], levelNames, "confidence"); err != nil {
						return err
					}
					if err := count(file, "points: "+sev.Value+": "+conf.Content[m].Value, conf.Content[m+1]); err != nil {
						return err
					}
				}
			}
		case "levels":
			if v.Kind != yaml.MappingNode {
				return bad(v, "levels: expected the lowest score of each level, such as {MEDIUM: 4, HIGH: 7, BLOCKED: 10}")
			}
			for j := 0; j+1 < len(v.Content); j += 2 {
				if err := name(file, "levels", v.Content[j], boundNames, "level"); err != nil {
					return err
				}
				if err := count(file, "levels: "+v.Content[j].Value, v.Content[j+1]); err != nil {
					return err
				}
			}
		case "syntax-error":
			if err := count(file, "syntax-error", v); err != nil {
				return err
			}
		case "triggers":
			if v.Kind != yaml.MappingNode {
				return bad(v, "triggers: expected lists of rule patterns under blocked and high, such as {blocked: [\"PW1*\"]}")
			}
			for j := 0; j+1 < len(v.Content); j += 2 {
				if err := name(file, "triggers", v.Content[j], triggerNames, "trigger"); err != nil {
					return err
				}
				if err := stringList(file, "triggers: "+v.Content[j].Value, v.Content[j+1], "rule patterns, such as [\"B602\", \"PW1*\"]"); err != nil {
					return err
				}
			}
		case "trusted":
			if v.Kind != yaml.SequenceNode {
				return bad(v, "trusted: expected a list of entries, each with paths, rules and a reason")
			}
			for _, e := range v.Content {
				if err := trustedEntry(file, e); err != nil {
					return err
				}
			}
		case "flow":
			if err := checkFlow(file, v); err != nil {
				return err
			}
		case "rules":
			if v.Kind != yaml.MappingNode {
				return bad(v, "rules: expected a table of rule IDs, such as {B602: {enabled: false}}")
			}
			for j := 0; j+1 < len(v.Content); j += 2 {
				id, rc := v.Content[j], v.Content[j+1]
				if rc.Kind != yaml.MappingNode {
					return bad(rc, "rules: %s: expected settings such as {enabled: false} or {severity: LOW}", id.Value)
				}
				for m := 0; m+1 < len(rc.Content); m += 2 {
					key, val := rc.Content[m], rc.Content[m+1]
					switch key.Value {
					case "severity":
						if val.Kind != yaml.ScalarNode || !oneOf(strings.ToUpper(val.Value), levelNames...) {
							return bad(val, "rules: %s: severity %q is not one of LOW, MEDIUM, HIGH", id.Value, val.Value)
						}
					case "enabled":
						if val.Kind != yaml.ScalarNode || val.Tag != "!!bool" {
							return bad(val, "rules: %s: enabled: expected true or false, not %q", id.Value, val.Value)
						}
					case "ignore":
						if err := globList(file, "rules: "+id.Value+": ignore", val); err != nil {
							return err
						}
					}
				}
			}
		}
	}
	return nil
}

// duplicates reports a key given twice in one table: YAML says the last
// wins, which hides the first from whoever reads the file.
func duplicates(file string, n *yaml.Node) error {
	switch n.Kind {
	case yaml.MappingNode:
		seen := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if first, ok := seen[k.Value]; ok {
				return &Error{File: file, Line: k.Line, Msg: fmt.Sprintf("%q is given twice (first on line %d); keep one", k.Value, first)}
			}
			seen[k.Value] = k.Line
			if err := duplicates(file, n.Content[i+1]); err != nil {
				return err
			}
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			if err := duplicates(file, c); err != nil {
				return err
			}
		}
	}
	return nil
}

// name checks that key is one of known (upper case, as written in the
// documentation), with a suggestion when it is close to one.
func name(file, where string, key *yaml.Node, known []string, what string) error {
	if oneOf(key.Value, known...) {
		return nil
	}
	msg := fmt.Sprintf("%s: unknown %s %q (one of %s)", where, what, key.Value, strings.Join(known, ", "))
	if s := suggest(key.Value, known); s != "" {
		msg = fmt.Sprintf("%s: unknown %s %q (did you mean %q?)", where, what, key.Value, s)
	}
	return &Error{File: file, Line: key.Line, Msg: msg}
}

// suggest returns the known word closest to w, or "" when none is close.
func suggest(w string, known []string) string {
	best, bestD := "", 1<<30
	for _, k := range known {
		if d := distance(strings.ToUpper(w), strings.ToUpper(k)); d < bestD {
			best, bestD = k, d
		}
	}
	if bestD <= 2 || bestD <= len(w)/3 {
		return best
	}
	return ""
}

// count checks a whole number of at least zero.
func count(file, where string, n *yaml.Node) error {
	v, err := strconv.Atoi(n.Value)
	switch {
	case n.Kind != yaml.ScalarNode || err != nil:
		return &Error{File: file, Line: n.Line, Msg: fmt.Sprintf("%s: expected a whole number, not %q", where, n.Value)}
	case v < 0:
		return &Error{File: file, Line: n.Line, Msg: fmt.Sprintf("%s: %d is negative; points and scores are 0 or more", where, v)}
	}
	return nil
}

// stringList checks a list of strings.
func stringList(file, where string, n *yaml.Node, what string) error {
	if n.Kind != yaml.SequenceNode {
		return &Error{File: file, Line: n.Line, Msg: fmt.Sprintf("%s: expected a list of %s, not %s", where, what, describe(n))}
	}
	for _, c := range n.Content {
		if c.Kind != yaml.ScalarNode {
			return &Error{File: file, Line: c.Line, Msg: fmt.Sprintf("%s: expected a list of %s; this item is %s", where, what, describe(c))}
		}
	}
	return nil
}

// globList checks a list of path globs, each valid.
func globList(file, where string, n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		return &Error{File: file, Line: n.Line, Msg: fmt.Sprintf("%s: expected a list of path globs, such as [%q]; write the single glob inside brackets or as a list item", where, n.Value)}
	}
	if err := stringList(file, where, n, "path globs, such as [\"gen/**\"]"); err != nil {
		return err
	}
	for _, c := range n.Content {
		if err := checkGlob(c.Value); err != nil {
			return &Error{File: file, Line: c.Line, Msg: fmt.Sprintf("%s: %v", where, err)}
		}
	}
	return nil
}

// checkGlob reports a glob that path.Match would reject (an unclosed
// bracket, a trailing backslash): such a glob matches nothing, silently.
func checkGlob(g string) error {
	if g == "" {
		return fmt.Errorf("an empty glob matches nothing")
	}
	if _, err := path.Match(strings.ReplaceAll(g, "**", "*"), ""); err != nil {
		return fmt.Errorf("%q is not a valid glob (an unclosed [ or a trailing \\?); write [[] for a literal bracket", g)
	}
	return nil
}

// trustedEntry checks one trusted entry: paths, rules and a reason, all
// given; a reason is what a reviewer reads when a finding is hidden.
func trustedEntry(file string, e *yaml.Node) error {
	if e.Kind != yaml.MappingNode {
		return &Error{File: file, Line: e.Line, Msg: "trusted: each entry is a table with paths, rules and a reason, such as {paths: [\"tests/**\"], rules: [\"B101\"], reason: \"...\"}"}
	}
	have := map[string]*yaml.Node{}
	for j := 0; j+1 < len(e.Content); j += 2 {
		k := e.Content[j]
		if !oneOf(k.Value, trustedFields...) {
			return &Error{File: file, Line: k.Line, Msg: "trusted: " + unknownKey(k.Value, trustedFields)}
		}
		have[k.Value] = e.Content[j+1]
	}
	for _, f := range trustedFields {
		if v, ok := have[f]; !ok || v.Kind == yaml.ScalarNode && strings.TrimSpace(v.Value) == "" || v.Kind == yaml.SequenceNode && len(v.Content) == 0 {
			why := map[string]string{
				"paths":  "which files are trusted",
				"rules":  "which rules it silences there",
				"reason": "why the code is safe: reviewers see it beside every finding it hides",
			}[f]
			return &Error{File: file, Line: e.Line, Msg: fmt.Sprintf("trusted: this entry has no %s (%s)", f, why)}
		}
	}
	if err := globList(file, "trusted: paths", have["paths"]); err != nil {
		return err
	}
	return stringList(file, "trusted: rules", have["rules"], "rule IDs, such as [\"B101\"]")
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a table"
	case yaml.SequenceNode:
		return "a list"
	}
	return strconv.Quote(n.Value)
}

// positions records the line of every key and list item by its dotted
// path ("rules.B602.options.words", "trusted.0"), for errors found after
// decoding.
func positions(n *yaml.Node, prefix string, out map[string]int) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			p := prefix + n.Content[i].Value
			out[p] = n.Content[i].Line
			positions(n.Content[i+1], p+".", out)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			p := prefix + strconv.Itoa(i)
			out[p] = c.Line
			positions(c, p+".", out)
		}
	}
}

// Catalog is what the checks of Check need to know of the rules; the
// command line passes the rule registry. Config itself knows no rules.
type Catalog interface {
	// Rule returns the ID of the rule id names exactly, "" if none.
	Rule(id string) string
	// IDs lists every rule ID.
	IDs() []string
	// CheckOptions checks a rule's options.
	CheckOptions(id string, opts map[string]any) error
}

// Check checks what needs the rules: rule IDs under rules and trusted
// (spelt exactly: b602 is not B602), trigger patterns that match at least
// one rule, and rule options.
func (c *Config) Check(cat Catalog) error {
	if c.File == "" {
		return nil
	}
	bad := func(key, msg string) error {
		return &Error{File: c.File, Line: c.line(key), Msg: msg}
	}
	ids := cat.IDs()
	unknown := func(id string) string {
		if s := suggest(id, ids); s != "" {
			return fmt.Sprintf("unknown rule %q (did you mean %q?)", id, s)
		}
		return fmt.Sprintf("unknown rule %q (pyward rules lists them)", id)
	}
	keys := make([]string, 0, len(c.Rules))
	for id := range c.Rules {
		keys = append(keys, id)
	}
	sort.Strings(keys)
	for _, id := range keys {
		if external(id) {
			continue
		}
		if cat.Rule(id) == "" {
			return bad("rules."+id, "rules: "+unknown(id))
		}
		if err := cat.CheckOptions(id, c.Rules[id].Options); err != nil {
			return bad("rules."+id+".options", fmt.Sprintf("rules: %s: %v", id, err))
		}
	}
	if c.Origin["trusted"] == c.File {
		for i, t := range c.Trusted {
			for j, id := range t.Rules {
				if !external(id) && !matchesAny(id, ids) {
					return bad(fmt.Sprintf("trusted.%d.rules.%d", i, j), "trusted: "+unknown(id))
				}
			}
		}
	}
	if c.Origin["triggers"] == c.File {
		for _, level := range triggerNames {
			for j, p := range c.Triggers[level] {
				if !external(p) && !matchesAny(p, ids) {
					return bad(fmt.Sprintf("triggers.%s.%d", level, j), fmt.Sprintf("triggers: %s: %q matches no rule (patterns are IDs such as B602, or a prefix and *, such as PW1*)", level, p))
				}
			}
		}
	}
	return nil
}

// external: an engine's own rule (bandit:B322), which pyward cannot list.
func external(id string) bool { return strings.Contains(id, ":") }

// matchesAny reports whether a rule pattern (an ID, or a prefix and *)
// matches one of ids, spelt exactly.
func matchesAny(p string, ids []string) bool {
	for _, id := range ids {
		if p == id || strings.HasSuffix(p, "*") && strings.HasPrefix(id, p[:len(p)-1]) {
			return true
		}
	}
	return false
}

// line is the line of a dotted key path, or of its closest parent found.
func (c *Config) line(key string) int {
	if filepath.Base(c.File) == "pyproject.toml" {
		src, err := os.ReadFile(c.File)
		if err != nil {
			return 0
		}
		parts := strings.Split(key, ".")
		for i := len(parts) - 1; i >= 0; i-- {
			if _, err := strconv.Atoi(parts[i]); err == nil {
				continue
			}
			if l := keyLine(src, parts[i]); l > 0 {
				return l
			}
		}
		return 0
	}
	for {
		if l, ok := c.pos[key]; ok {
			return l
		}
		i := strings.LastIndexByte(key, '.')
		if i < 0 {
			return 0
		}
		key = key[:i]
	}
}
