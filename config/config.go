// Package config holds pyward's configuration: the Config value, its
// embedded defaults and presets, and loading .pyward.yaml with errors that
// name the file, the line and the key that was probably meant. It touches
// no git and no file other than configuration.
package config

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Config is the effective configuration of a scan.
type Config struct {
	Policy  string   // "standard" or "strict"
	FailOn  string   // file level that blocks: low, medium, high, blocked, never
	Report  string   // lowest finding severity shown: low, medium, high
	Exclude []string // path globs never scanned

	// Points[severity][confidence]: what one finding scores; severity and
	// confidence are LOW, MEDIUM, HIGH.
	Points map[string]map[string]int
	// Levels: the lowest score of each file level above LOW.
	Levels map[string]int
	// Triggers lift a file's level whatever its score: rule ID patterns
	// (a trailing * matches any rest) under "blocked" and "high".
	Triggers map[string][]string
	// SyntaxError is what a file that cannot be parsed scores.
	SyntaxError int
	// Scoring says how findings add up to a file's score and level.
	Scoring Scoring
	// Baseline is the baseline file every scan uses (relative to Dir), and
	// NewOnly judges only changed lines in staged and changed scans: the
	// adoption settings, so that the installed hook and pre-commit honour
	// them without flags.
	Baseline string
	NewOnly  bool
	Trusted  []Trusted
	Rules    map[string]RuleConfig
	// Engines configures the external engines (Bandit, Semgrep). Their
	// executables never come from here: a repository's configuration must
	// not name a program to run (CI scans untrusted pull requests).
	Engines map[string]EngineConfig
	// Secrets selects the configuration files judged for secrets.
	Secrets SecretsConfig
	// Flow adds the team's own sources, sinks, sanitizers, propagators and
	// guards to the data-flow models (see flow.go).
	Flow Flow

	// Origin tells where each top-level value came from, for `pyward config`.
	Origin map[string]string
	// File is the configuration file read, "" for the defaults.
	File string
	// Dir is the folder of the configuration file, which relative globs
	// are relative to; empty for the defaults.
	Dir string
	// pos is the line of each key of the file, by dotted path (see
	// positions), for errors found after decoding (Check).
	pos map[string]int
}

// Trusted suppresses rules on paths where the code is known to be safe.
type Trusted struct {
	Paths  []string `yaml:"paths"`
	Rules  []string `yaml:"rules"`
	Reason string   `yaml:"reason"`
	// Default marks a built-in entry (not the user's): what it suppresses
	// is not a finding at all, rather than one kept and marked.
	Default bool `yaml:"-"`
}

// Scoring says how a file's findings add up.
type Scoring struct {
	// Repeats is "worst" (a rule counts once per file, at its worst
	// finding) or "each" (every finding adds its points).
	Repeats string `yaml:"repeats"`
	// LowOnlyMax is the highest level findings of LOW severity alone can
	// give a file: LOW, MEDIUM, HIGH or BLOCKED.
	LowOnlyMax string `yaml:"low-only-max"`
	// Constant is the severity whose points a finding scores when its
	// value is proven pinned to literals (LOW, MEDIUM, HIGH), or "same" to
	// score it like any other.
	Constant string `yaml:"constant"`
}

// RuleConfig adjusts one rule.
// EngineConfig is one external engine's settings.
type EngineConfig struct {
	// Enabled is "auto" (run when found on PATH), "true" (required: its
	// absence is an error) or "false" (the default).
	Enabled string `yaml:"enabled"`
	// Timeout bounds one run ("60s", "2m"); default 120s.
	Timeout string `yaml:"timeout"`
	// Args are extra arguments, and Config (Semgrep) the rule sources.
	Args   []string `yaml:"args"`
	Config []string `yaml:"config"`
}

// SecretsConfig says which files other than Python are judged, by the
// secret rules only: configuration files, where secrets are committed.
type SecretsConfig struct {
	// Enabled false judges Python files only; unset or true, the Files.
	Enabled *bool `yaml:"enabled"`
	// Files are path globs; empty means the default list (.env*, *.ini,
	// *.cfg, *.conf, *.toml, *.yaml, *.yml, *.json, *.properties,
	// Dockerfile, shell scripts).
	Files []string `yaml:"files"`
}

type RuleConfig struct {
	Enabled  *bool          `yaml:"enabled"`
	Severity string         `yaml:"severity"`
	Ignore   []string       `yaml:"ignore"`
	Options  map[string]any `yaml:"options"`
}

// Default returns the standard policy of DESIGN.md.
func Default() *Config {
	c := &Config{
		Policy: "standard",
		FailOn: "high",
		Report: "low",
		Points: map[string]map[string]int{
			"LOW":    {"LOW": 1, "MEDIUM": 1, "HIGH": 1},
			"MEDIUM": {"LOW": 2, "MEDIUM": 4, "HIGH": 4},
			"HIGH":   {"LOW": 4, "MEDIUM": 7, "HIGH": 7},
		},
		Levels:      map[string]int{"MEDIUM": 4, "HIGH": 7, "BLOCKED": 10},
		Triggers:    map[string][]string{"blocked": {"PW1*"}, "high": {"PW2*"}},
		SyntaxError: 10,
		Scoring:     Scoring{Repeats: "worst", LowOnlyMax: "MEDIUM", Constant: "LOW"},
		Trusted: []Trusted{{
			Paths:   []string{"test_*.py", "*_test.py", "tests/**", "test/**", "conftest.py"},
			Rules:   []string{"B101"},
			Reason:  "assert is how tests check results",
			Default: true,
		}},
		Rules:   map[string]RuleConfig{},
		Engines: map[string]EngineConfig{},
		Origin:  map[string]string{},
	}
	for _, k := range keys {
		c.Origin[k] = "default"
	}
	return c
}

// ApplyPreset switches to a named policy. "strict" is for checking
// untrusted code before running it: eval, exec, process spawning and shell
// calls make a file BLOCKED.
func (c *Config) ApplyPreset(name, origin string) error {
	switch name {
	case "standard":
	case "strict":
		// For code about to run unreviewed (an agent's, a download): any
		// dynamic code, process, privilege change or input-driven flow
		// blocks.
		c.Triggers["blocked"] = append(c.Triggers["blocked"],
			"B102", "B307", "B602", "B603", "B604", "B605", "B606", "B607", "PW2*", "PW4*")
		c.Origin["triggers"] = origin + " (strict preset)"
	default:
		return fmt.Errorf("unknown policy %q (standard or strict)", name)
	}
	c.Policy = name
	c.Origin["policy"] = origin
	return nil
}

// keys are the top-level keys of .pyward.yaml.
var keys = []string{"policy", "fail-on", "report", "exclude", "points", "levels", "triggers", "syntax-error", "scoring", "baseline", "new-only", "trusted", "rules", "engines", "secrets", "flow"}

// Error is a configuration error with its place.
type Error struct {
	File string
	Line int
	Msg  string
	// hint is text on the offending line (a value or a key), by which a
	// pyproject.toml's line is found: the YAML it is checked as has other
	// lines (see loadPyproject).
	hint string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("config %s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("config %s: %s", e.File, e.Msg)
}

// LoadFile reads a configuration file over the defaults: a pyproject.toml
// by its [tool.pyward] table, anything else as .pyward.yaml.
func LoadFile(path string) (*Config, error) {
	if filepath.Base(path) == "pyproject.toml" {
		return loadPyproject(path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{File: path, Msg: err.Error()}
	}
	c := Default()
	c.Dir, c.File = filepath.Dir(path), path
	return c, c.merge(path, data)
}

// Find looks for a configuration from dir upward to stop (the repository
// root; "" for the file system root): in each folder .pyward.yaml, else a
// pyproject.toml with a [tool.pyward] table. It returns the path, or "".
func Find(dir, stop string) string {
	dir, _ = filepath.Abs(dir)
	if stop != "" {
		stop, _ = filepath.Abs(stop)
	}
	for {
		if f := configIn(dir); f != "" {
			return f
		}
		if dir == stop {
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// configIn is the configuration file in dir itself: .pyward.yaml, else a
// pyproject.toml with a [tool.pyward] table; "" when neither.
func configIn(dir string) string {
	p := filepath.Join(dir, ".pyward.yaml")
	if st, err := os.Stat(p); err == nil && !st.IsDir() {
		return p
	}
	if p := filepath.Join(dir, "pyproject.toml"); hasPyproject(p) {
		return p
	}
	return ""
}

// merge applies a YAML document over c. Unknown keys and wrong types are
// errors that name the line and the key that was probably meant.
func (c *Config) merge(file string, data []byte) error {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return &Error{File: file, Msg: strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	if len(doc.Content) == 0 {
		return nil // an empty file
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return &Error{File: file, Line: root.Line, Msg: "expected a mapping of settings"}
	}
	// Shapes and values first, with lines and in the file's words
	// (validate.go); the lines are kept for checks after decoding.
	if err := checkDocument(file, root); err != nil {
		return err
	}
	c.pos = map[string]int{}
	positions(root, "", c.pos)
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		bad := func(msg string) error {
			return &Error{File: file, Line: v.Line, Msg: fmt.Sprintf("%s: %s", k.Value, msg)}
		}
		decode := func(out any) error {
			if err := v.Decode(out); err != nil {
				return bad(typeError(err))
			}
			return nil
		}
		var err error
		switch k.Value {
		case "policy":
			var s string
			if err = decode(&s); err == nil {
				if e := c.ApplyPreset(s, file); e != nil {
					err = bad(e.Error())
				}
			}
		case "fail-on":
			err = decode(&c.FailOn)
			if err == nil && !oneOf(c.FailOn, "low", "medium", "high", "blocked", "never") {
				err = bad(fmt.Sprintf("%q is not one of low, medium, high, blocked, never", c.FailOn))
			}
		case "report":
			err = decode(&c.Report)
			if err == nil && !oneOf(c.Report, "low", "medium", "high") {
				err = bad(fmt.Sprintf("%q is not one of low, medium, high", c.Report))
			}
		case "exclude":
			err = decode(&c.Exclude)
		case "points":
			err = decode(&c.Points)
		case "levels":
			err = decode(&c.Levels)
		case "triggers":
			err = decode(&c.Triggers)
		case "syntax-error":
			err = decode(&c.SyntaxError)
		case "scoring":
			sc := c.Scoring
			if err = decodeStrict(v, &sc, file); err == nil {
				err = sc.check(func(key string, msg string) error {
					line := v.Line
					for j := 0; j+1 < len(v.Content); j += 2 {
						if v.Content[j].Value == key {
							line = v.Content[j+1].Line
						}
					}
					return &Error{File: file, Line: line, Msg: "scoring: " + key + ": " + msg}
				})
				c.Scoring = sc
			}
		case "baseline":
			err = decode(&c.Baseline)
			if err == nil && strings.TrimSpace(c.Baseline) == "" {
				err = bad("want the path of a baseline file (written by pyward baseline FILE)")
			}
		case "new-only":
			err = decode(&c.NewOnly)
		case "trusted":
			err = decodeStrict(v, &c.Trusted, file)
		case "rules":
			err = decodeStrict(v, &c.Rules, file)
		case "secrets":
			err = decodeStrict(v, &c.Secrets, file)
		case "flow":
			// checkFlow has checked every entry, with its line.
			var f Flow
			if err = decode(&f); err == nil {
				c.Flow = f
			}
		case "engines":
			err = decodeStrict(v, &c.Engines, file)
			for name, e := range c.Engines {
				if err != nil {
					break
				}
				switch {
				case name != "bandit" && name != "semgrep":
					err = bad(fmt.Sprintf("unknown engine %q (bandit or semgrep)", name))
				case e.Enabled != "" && !oneOf(e.Enabled, "auto", "true", "false"):
					err = bad(fmt.Sprintf("%s: enabled %q is not one of auto, true, false", name, e.Enabled))
				case e.Timeout != "":
					if _, perr := time.ParseDuration(e.Timeout); perr != nil {
						err = bad(fmt.Sprintf("%s: timeout %q is not a duration such as 60s or 2m", name, e.Timeout))
					}
				}
			}
		default:
			return &Error{File: file, Line: k.Line, Msg: unknownKey(k.Value, keys)}
		}
		if err != nil {
			return err
		}
		c.Origin[k.Value] = file
	}
	return nil
}

// decodeStrict decodes with unknown fields rejected, keeping the line.
func decodeStrict(v *yaml.Node, out any, file string) error {
	b, err := yaml.Marshal(v)
	if err != nil {
		return &Error{File: file, Line: v.Line, Msg: err.Error()}
	}
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(true)
	if err := dec.Decode(out); err != nil {
		// Lines in the error are relative to the node: shift them back.
		msg := typeError(err)
		if te, ok := err.(*yaml.TypeError); ok && len(te.Errors) > 0 {
			var line int
			fmt.Sscanf(te.Errors[0], "line %d:", &line)
			rest := te.Errors[0][strings.IndexByte(te.Errors[0], ':')+1:]
			if f := unknownFieldName(rest); f != "" {
				rest = unknownKey(f, []string{"paths", "rules", "reason", "enabled", "severity", "ignore", "options", "repeats", "low-only-max", "constant"})
			}
			return &Error{File: file, Line: v.Line + line - 1, Msg: strings.TrimSpace(rest)}
		}
		return &Error{File: file, Line: v.Line, Msg: msg}
	}
	return nil
}

func unknownFieldName(msg string) string {
	const p = " field "
	i := strings.Index(msg, p)
	if i < 0 || !strings.Contains(msg, "not found") {
		return ""
	}
	rest := msg[i+len(p):]
	if j := strings.Index(rest, " not found"); j > 0 {
		return rest[:j]
	}
	return ""
}

func typeError(err error) string {
	if te, ok := err.(*yaml.TypeError); ok && len(te.Errors) > 0 {
		m := te.Errors[0]
		if i := strings.IndexByte(m, ':'); i >= 0 && strings.HasPrefix(m, "line ") {
			m = strings.TrimSpace(m[i+1:])
		}
		return m
	}
	return err.Error()
}

func oneOf(s string, options ...string) bool {
	for _, o := range options {
		if s == o {
			return true
		}
	}
	return false
}

// unknownKey words an unknown key with the closest known one.
func unknownKey(key string, known []string) string {
	best, bestD := "", 1<<30
	norm := strings.NewReplacer("_", "-").Replace(strings.ToLower(key))
	for _, k := range known {
		if d := distance(norm, k); d < bestD {
			best, bestD = k, d
		}
	}
	if bestD <= 2 || bestD <= len(key)/3 {
		return fmt.Sprintf("unknown key %q (did you mean %q?)", key, best)
	}
	sorted := append([]string(nil), known...)
	sort.Strings(sorted)
	return fmt.Sprintf("unknown key %q (known keys: %s)", key, strings.Join(sorted, ", "))
}

// distance is the Levenshtein distance between two strings.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// check validates the scoring settings, normalizing their case; bad
// reports a key's problem.
func (s *Scoring) check(bad func(key, msg string) error) error {
	s.Repeats = strings.ToLower(s.Repeats)
	if !oneOf(s.Repeats, "worst", "each") {
		return bad("repeats", fmt.Sprintf("%q is not one of worst, each", s.Repeats))
	}
	s.LowOnlyMax = strings.ToUpper(s.LowOnlyMax)
	if !oneOf(s.LowOnlyMax, "LOW", "MEDIUM", "HIGH", "BLOCKED") {
		return bad("low-only-max", fmt.Sprintf("%q is not one of low, medium, high, blocked", s.LowOnlyMax))
	}
	if strings.EqualFold(s.Constant, "same") {
		s.Constant = "same"
	} else {
		s.Constant = strings.ToUpper(s.Constant)
		if !oneOf(s.Constant, "LOW", "MEDIUM", "HIGH") {
			return bad("constant", fmt.Sprintf("%q is not one of low, medium, high, same", s.Constant))
		}
	}
	return nil
}
