package config

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"
)

// pyprojectTable reads the [tool.pyward] table of a pyproject.toml; ok is
// false when the file has none.
func pyprojectTable(path string) (table map[string]any, src []byte, ok bool, err error) {
	src, err = os.ReadFile(path)
	if err != nil {
		return nil, nil, false, &Error{File: path, Msg: err.Error()}
	}
	var doc map[string]any
	if _, err := toml.Decode(string(src), &doc); err != nil {
		msg := err.Error()
		line := 0
		if pe, isParse := err.(toml.ParseError); isParse {
			line = pe.Position.Line
			msg = pe.Message
		}
		return nil, src, false, &Error{File: path, Line: line, Msg: msg}
	}
	tool, _ := doc["tool"].(map[string]any)
	table, ok = tool["pyward"].(map[string]any)
	return table, src, ok, nil
}

// hasPyproject reports whether path is a pyproject.toml with [tool.pyward].
func hasPyproject(path string) bool {
	if st, err := os.Stat(path); err != nil || st.IsDir() {
		return false
	}
	_, _, ok, err := pyprojectTable(path)
	return ok || err != nil // a broken file is reported when loaded
}

// loadPyproject applies [tool.pyward] over the defaults. The table is
// turned into YAML and checked by the same code as .pyward.yaml; errors
// are placed on the pyproject.toml line of the key they are about.
func loadPyproject(path string) (*Config, error) {
	table, src, ok, err := pyprojectTable(path)
	if err != nil {
		return nil, err
	}
	c := Default()
	c.Dir, c.File = filepath.Dir(path), path
	if !ok {
		return c, nil
	}
	data, err := yaml.Marshal(table)
	if err != nil {
		return nil, &Error{File: path, Msg: err.Error()}
	}
	if err := c.merge(path, data); err != nil {
		if e, isCfg := err.(*Error); isCfg {
			e.Line = 0
			if e.hint != "" {
				e.Line = hintLine(src, e.hint)
			}
			if e.Line == 0 {
				e.Line = keyLine(src, keyOf(e.Msg))
			}
			return nil, e
		}
		return nil, err
	}
	return c, nil
}

var quotedKey = regexp.MustCompile(`^(?:unknown key )?"?([A-Za-z0-9_.-]+)"?[: ]`)

// keyOf extracts the key an error message is about.
func keyOf(msg string) string {
	if m := quotedKey.FindStringSubmatch(msg); m != nil {
		return m[1]
	}
	return ""
}

// hintLine finds the first line of the [tool.pyward...] tables where
// hint (an offending value or key) stands as a word of its own, 0 when
// none does: in a list of inline tables the key alone would name the
// first entry, not the one in error.
func hintLine(src []byte, hint string) int {
	word := regexp.MustCompile(`(^|[^A-Za-z0-9_.*-])` + regexp.QuoteMeta(hint) + `($|[^A-Za-z0-9_.*-])`)
	if strings.HasPrefix(hint, `"`) {
		word = regexp.MustCompile(regexp.QuoteMeta(hint))
	}
	inTable := false
	for i, line := range strings.Split(string(src), "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "[") && !strings.Contains(t, "=") {
			inTable = strings.HasPrefix(strings.Trim(t, "[] "), "tool.pyward")
			continue
		}
		if inTable && word.MatchString(t) {
			return i + 1
		}
	}
	return 0
}

// keyLine finds the line of key inside the [tool.pyward...] tables of a
// pyproject.toml: `key = ...` or a `[tool.pyward....key]` header.
func keyLine(src []byte, key string) int {
	inTable := false
	first := 0
	for i, line := range strings.Split(string(src), "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "[") {
			inTable = strings.HasPrefix(strings.Trim(t, "[] "), "tool.pyward")
			if inTable && first == 0 {
				first = i + 1
			}
			if inTable && key != "" && strings.HasSuffix(strings.Trim(t, "[] "), "."+key) {
				return i + 1
			}
			continue
		}
		if inTable && key != "" {
			name := strings.Trim(strings.TrimSpace(strings.SplitN(t, "=", 2)[0]), `"'`)
			if strings.Contains(t, "=") && name == key {
				return i + 1
			}
		}
	}
	return first
}
