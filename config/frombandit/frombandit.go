// Package frombandit turns a Bandit configuration (a `.bandit` INI file,
// `[tool.bandit]` in pyproject.toml, or Bandit's YAML) into the equivalent
// .pyward.yaml, and says what has no equivalent, so that a Bandit user
// switches in one step. It reads only the bytes it is given.
package frombandit

import (
	"bufio"
	"bytes"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/pyward/pyward/rules"
	"gopkg.in/yaml.v3"
)

// Result is the converted configuration and what could not be carried
// over, each note a sentence for the user.
type Result struct {
	YAML  string
	Notes []string
}

// section is how one of Bandit's plugin sections maps to pyward: the
// rules whose options it sets, and Bandit's option name to pyward's.
type section struct {
	rules   []string
	options map[string]string
}

// sections are Bandit's plugin configuration sections (shared/spec,
// "Configuration"): one section configures every check of its plugin.
var sections = map[string]section{
	"assert_used":             {[]string{"B101"}, map[string]string{"skips": "skips"}},
	"hardcoded_tmp_directory": {[]string{"B108"}, map[string]string{"tmp_dirs": "tmp_dirs"}},
	"shell_injection": {[]string{"B602", "B603", "B604", "B605", "B606", "B607", "B609"},
		map[string]string{"subprocess": "subprocess", "shell": "shell", "no_shell": "no_shell"}},
	"ssl_with_bad_version": {[]string{"B502", "B503"}, map[string]string{"bad_protocol_versions": "bad_protocol_versions"}},
	"try_except_pass":      {[]string{"B110"}, map[string]string{"check_typed_exception": "check_typed_exception"}},
	"try_except_continue":  {[]string{"B112"}, map[string]string{"check_typed_exception": "check_typed_exception"}},
	"markupsafe_xss":       {[]string{"B704"}, map[string]string{"extend_markup_names": "extend_markup_names", "allowed_calls": "allowed_calls"}},
}

// ignored are settings that concern how Bandit runs or prints, with what
// to do instead.
var ignored = map[string]string{
	"targets":             "targets: pass the paths to `pyward scan` (or use --staged / --changed)",
	"recursive":           "recursive: pyward always walks folders",
	"aggregate":           "aggregate: pyward's text report groups findings by file",
	"number":              "number: pyward shows the flagged line; SARIF and JSON carry the positions",
	"format":              "format: use `pyward scan --format text|json|sarif|github|gitlab-sast|gitlab`",
	"msg-template":        "msg-template: no equivalent; use --format json for scripts",
	"output":              "output: redirect standard output, or --sarif FILE",
	"verbose":             "verbose: no equivalent",
	"debug":               "debug: no equivalent",
	"quiet":               "quiet: use `pyward scan -q`",
	"profile":             "profile: no equivalent; list the rules under tests/skips instead",
	"profiles":            "profiles: no equivalent; list the rules under tests/skips instead",
	"configfile":          "configfile: pyward finds .pyward.yaml itself, nearest above each file",
	"ignore-nosec":        "ignore-nosec: use `pyward scan --ignore-suppressions` (audit mode)",
	"include":             "include: pyward judges .py and .pyw files, files whose shebang names python, and any file named on the command line",
	"log_format":          "log_format: no equivalent",
	"plugin_name_pattern": "plugin_name_pattern: pyward has no plugins; Bandit plugins can run beside it (`--engines native,bandit`)",
	"blacklist_calls":     "blacklist_calls: legacy Bandit setting with no equivalent; use skips",
	"blacklist_imports":   "blacklist_imports: legacy Bandit setting with no equivalent; use skips",
	"confidence":          "confidence: pyward reports every confidence; low-confidence findings score fewer points",
}

// Convert reads a Bandit configuration; name decides the format as Bandit
// does (.toml is TOML, a .bandit or .ini/.cfg file is INI, anything else
// YAML).
func Convert(name string, data []byte) (Result, error) {
	var (
		cfg map[string]any
		err error
		ini bool
	)
	base := strings.ToLower(filepath.Base(name))
	switch {
	case strings.HasSuffix(base, ".toml"):
		var doc map[string]any
		if _, err = toml.Decode(string(data), &doc); err != nil {
			return Result{}, fmt.Errorf("%s: %v", name, err)
		}
		tool, _ := doc["tool"].(map[string]any)
		if cfg, _ = tool["bandit"].(map[string]any); cfg == nil {
			return Result{}, fmt.Errorf("%s: no [tool.bandit] table", name)
		}
	case base == ".bandit" || strings.HasSuffix(base, ".ini") || strings.HasSuffix(base, ".cfg"):
		ini = true
		if cfg, err = parseINI(data); err != nil {
			return Result{}, fmt.Errorf("%s: %v", name, err)
		}
	default:
		if err = yaml.Unmarshal(data, &cfg); err != nil {
			return Result{}, fmt.Errorf("%s: %v", name, err)
		}
		if cfg == nil {
			return Result{}, fmt.Errorf("%s: empty, or not a mapping", name)
		}
	}
	return convert(cfg, ini)
}

// parseINI reads the [bandit] section of an INI file: `key = value` or
// `key: value`, indented continuation lines, # and ; comments.
func parseINI(data []byte) (map[string]any, error) {
	out := map[string]any{}
	in, found := false, false
	var last string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "" || strings.HasPrefix(trimmed, "#") || strings.HasPrefix(trimmed, ";"):
			continue
		case strings.HasPrefix(trimmed, "["):
			in = strings.TrimSpace(strings.Trim(trimmed, "[]")) == "bandit"
			found = found || in
			last = ""
			continue
		case !in:
			continue
		case line[0] == ' ' || line[0] == '\t':
			if last == "" {
				return nil, fmt.Errorf("line %d: continuation without a key", n)
			}
			out[last] = out[last].(string) + "," + trimmed
			continue
		}
		i := strings.IndexAny(trimmed, "=:")
		if i < 0 {
			return nil, fmt.Errorf("line %d: %q is not key = value", n, trimmed)
		}
		last = strings.ToLower(strings.TrimSpace(trimmed[:i]))
		out[last] = strings.TrimSpace(trimmed[i+1:])
	}
	if !found {
		return nil, fmt.Errorf("no [bandit] section")
	}
	return out, nil
}

// list reads a setting that is a list in YAML/TOML and a comma-separated
// string in INI.
func list(v any) []string {
	var out []string
	switch x := v.(type) {
	case string:
		for _, p := range strings.Split(x, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	case []any:
		for _, e := range x {
			out = append(out, strings.TrimSpace(fmt.Sprint(e)))
		}
	}
	return out
}

type ruleOut struct {
	Enabled *bool          `yaml:"enabled,omitempty"`
	Options map[string]any `yaml:"options,omitempty"`
}

func convert(cfg map[string]any, ini bool) (Result, error) {
	var notes []string
	note := func(f string, a ...any) { notes = append(notes, fmt.Sprintf(f, a...)) }
	rulesOut := map[string]*ruleOut{}
	ruleOf := func(id string) *ruleOut {
		if rulesOut[id] == nil {
			rulesOut[id] = &ruleOut{}
		}
		return rulesOut[id]
	}
	off := false
	out := map[string]any{}

	known := func(id string) bool {
		r := rules.Lookup(id)
		return r != nil && r.ID == id
	}
	// tests: only these Bandit checks run. B001 stands for every
	// blacklist check.
	if v, ok := cfg["tests"]; ok {
		keep := map[string]bool{}
		for _, id := range list(v) {
			id = strings.ToUpper(id)
			if id == "B001" {
				for _, r := range rules.All() {
					if isBlacklist(r.ID) {
						keep[r.ID] = true
					}
				}
				continue
			}
			if !known(id) {
				note("tests: %s is not a check pyward has; left out", id)
				continue
			}
			keep[id] = true
		}
		for _, r := range rules.All() {
			if strings.HasPrefix(r.ID, "B") && !keep[r.ID] {
				ruleOf(r.ID).Enabled = &off
			}
		}
		note("tests: only the listed Bandit checks run; pyward's own rules (PW…) stay on, disable them under rules: if you must")
	}
	for _, id := range list(cfg["skips"]) {
		id = strings.ToUpper(id)
		if !known(id) {
			note("skips: %s is not a check pyward has; left out", id)
			continue
		}
		ruleOf(id).Enabled = &off
	}
	excludeKey := "exclude_dirs"
	if ini {
		excludeKey = "exclude"
	}
	var exclude []string
	for _, p := range list(cfg[excludeKey]) {
		exclude = append(exclude, excludeGlob(p))
	}
	if len(exclude) > 0 {
		out["exclude"] = exclude
		note("%s: Bandit also excludes a path that merely contains a pattern; the globs above match whole folder names", excludeKey)
	}
	if v, ok := cfg["level"]; ok && ini {
		if l := strings.ToLower(strings.TrimSpace(fmt.Sprint(v))); l == "low" || l == "medium" || l == "high" {
			out["report"] = l
		} else {
			note("level: %q is not low, medium or high; left out", v)
		}
	}
	if v, ok := cfg["exit-zero"]; ok && ini && fmt.Sprint(v) != "" {
		out["fail-on"] = "never"
	}
	if v, ok := cfg["baseline"]; ok {
		out["baseline"] = fmt.Sprint(v)
		note("baseline: pyward reads Bandit's JSON report as a baseline (findings matched by rule, file and the flagged line's text); `pyward baseline FILE` writes pyward's own")
	}
	for name, sec := range sections {
		v, ok := cfg[name]
		if !ok {
			continue
		}
		m, ok := v.(map[string]any)
		if !ok {
			note("%s: not a section of options; left out", name)
			continue
		}
		for key, val := range m {
			opt, ok := sec.options[key]
			if !ok {
				note("%s.%s: no such option in pyward; left out", name, key)
				continue
			}
			for _, id := range sec.rules {
				if r := rules.Lookup(id); r == nil || !hasOption(r, opt) {
					continue
				}
				ro := ruleOf(id)
				if ro.Options == nil {
					ro.Options = map[string]any{}
				}
				ro.Options[opt] = val
			}
		}
	}
	if _, ok := cfg["weak_cryptographic_key"]; ok {
		note("weak_cryptographic_key: pyward uses Bandit's default key sizes and has no option to change them")
	}
	for key := range cfg {
		if why, ok := ignored[key]; ok {
			note("%s", why)
			continue
		}
		if _, ok := sections[key]; ok {
			continue
		}
		switch key {
		case "tests", "skips", "exclude_dirs", "exclude", "level", "exit-zero", "baseline", "weak_cryptographic_key":
			continue
		}
		note("%s: not a Bandit setting pyward knows; left out", key)
	}
	if len(rulesOut) > 0 {
		out["rules"] = rulesOut
	}
	sort.Strings(notes)
	b, err := yaml.Marshal(out)
	if err != nil {
		return Result{}, err
	}
	var doc strings.Builder
	doc.WriteString("# .pyward.yaml converted from a Bandit configuration by `pyward config --from-bandit`.\n")
	for _, n := range notes {
		doc.WriteString("# - " + n + "\n")
	}
	if len(out) == 0 {
		doc.WriteString("{}\n")
	} else {
		doc.Write(b)
	}
	return Result{YAML: doc.String(), Notes: notes}, nil
}

// isBlacklist tells Bandit's blacklist checks (calls B3xx, imports B4xx)
// from its plugins.
func isBlacklist(id string) bool {
	return len(id) == 4 && id[0] == 'B' && (id[1] == '3' || id[1] == '4')
}

func hasOption(r *rules.Rule, name string) bool {
	for _, o := range r.Options {
		if o.Name == name {
			return true
		}
	}
	return false
}

// excludeGlob turns one of Bandit's exclude patterns into a pyward glob: a
// pattern anchored at the scan's root (`./build`, `docs/examples`) stays
// there, a bare name is excluded wherever it occurs, with everything below
// it.
func excludeGlob(p string) string {
	p = filepath.ToSlash(p)
	anchored := strings.HasPrefix(p, "./") || strings.Contains(strings.Trim(p, "/"), "/")
	p = strings.TrimSuffix(strings.TrimPrefix(p, "./"), "/")
	if strings.HasSuffix(p, "/*") || strings.HasSuffix(p, "/**") {
		return p
	}
	switch {
	case strings.HasSuffix(p, ".py") && anchored:
		return p
	case strings.HasSuffix(p, ".py"):
		return "**/" + p
	case anchored:
		return p + "/**"
	}
	return "**/" + p + "/**"
}
