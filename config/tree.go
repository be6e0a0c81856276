package config

import (
	"os"
	"path/filepath"
	"sort"
)

// Tree gives each file the configuration nearest above it (hierarchical,
// as in Ruff): .pyward.yaml, else a pyproject.toml with [tool.pyward], in
// the file's folder or the closest folder above it, up to Root. The
// nearest configuration applies alone; it is not merged with those above
// it. So a file's verdict depends neither on the folder pyward runs from
// nor on the order of the arguments.
type Tree struct {
	// Root is where the search stops: the repository root; "" searches up
	// to the file system root.
	Root string
	// Fixed, when set (--config), applies to every file.
	Fixed *Config
	// Adjust, when set, is applied to every configuration loaded (the
	// command line's overrides, such as --policy and --fail-on).
	Adjust func(*Config) error

	byDir  map[string]*Config // folder -> its configuration
	byFile map[string]*Config // configuration file -> loaded value
	found  map[string]string  // folder -> its configuration file (see find)
	dflt   *Config
}

// ForFile returns the configuration of the file at p.
func (t *Tree) ForFile(p string) (*Config, error) {
	if base := filepath.Base(p); filepath.IsAbs(p) && !os.IsPathSeparator(p[len(p)-1]) && base != "." && base != ".." {
		// Dir cleans what it returns: for an absolute path that does not
		// end in a separator, "." or "..", the same folder as Abs then
		// Dir, without cleaning the whole path twice more (a scan asks
		// this of every file it lists).
		return t.ForDir(filepath.Dir(p))
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return nil, err
	}
	return t.ForDir(filepath.Dir(abs))
}

// ForDir returns the configuration of the files directly in dir.
func (t *Tree) ForDir(dir string) (*Config, error) {
	if t.Fixed != nil {
		return t.Fixed, nil
	}
	if c, ok := t.byDir[dir]; ok { // the keys are absolute and clean
		return c, nil
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if c, ok := t.byDir[dir]; ok {
		return c, nil
	}
	if t.byDir == nil {
		t.byDir, t.byFile = map[string]*Config{}, map[string]*Config{}
	}
	c, err := t.load(t.find(dir))
	if err != nil {
		return nil, err
	}
	t.byDir[dir] = c
	return c, nil
}

// find is Find(dir, t.Root) with the answers for the folders above
// remembered: the files of a tree share their ancestors, and each level
// of the search is two file system lookups.
func (t *Tree) find(dir string) string {
	if f, ok := t.found[dir]; ok {
		return f
	}
	if t.found == nil {
		t.found = map[string]string{}
	}
	stop := t.Root
	if stop != "" {
		stop, _ = filepath.Abs(stop)
	}
	f := configIn(dir)
	if parent := filepath.Dir(dir); f == "" && dir != stop && parent != dir {
		f = t.find(parent)
	}
	t.found[dir] = f
	return f
}

func (t *Tree) load(file string) (*Config, error) {
	if file == "" {
		if t.dflt == nil {
			c := Default()
			if t.Adjust != nil {
				if err := t.Adjust(c); err != nil {
					return nil, err
				}
			}
			t.dflt = c
		}
		return t.dflt, nil
	}
	if c, ok := t.byFile[file]; ok {
		return c, nil
	}
	c, err := LoadFile(file)
	if err != nil {
		return nil, err
	}
	if t.Adjust != nil {
		if err := t.Adjust(c); err != nil {
			return nil, err
		}
	}
	t.byFile[file] = c
	return c, nil
}

// Files lists the configuration files loaded so far.
func (t *Tree) Files() []string {
	var out []string
	for f := range t.byFile {
		out = append(out, f)
	}
	if t.Fixed != nil && t.Fixed.File != "" {
		out = append(out, t.Fixed.File)
	}
	sort.Strings(out)
	return out
}

// Excludes reports whether the configuration that applies to abs (a file
// or a folder) lists it under exclude. Globs are relative to the folder of
// that configuration (the root for the defaults).
func (c *Config) Excludes(abs, root string, match func(glob, rel string) bool) bool {
	if len(c.Exclude) == 0 {
		return false
	}
	base := c.Dir
	if base == "" {
		base = root
	}
	if b, err := filepath.Abs(base); err == nil {
		base = b
	}
	rel, err := filepath.Rel(base, abs)
	if err != nil || rel == ".." || len(rel) > 2 && rel[:3] == ".."+string(os.PathSeparator) {
		return false
	}
	rel = filepath.ToSlash(rel)
	for _, g := range c.Exclude {
		if match(g, rel) {
			return true
		}
	}
	return false
}
