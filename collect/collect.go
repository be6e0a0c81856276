// Package collect gathers the files a scan of the working tree reads:
// named files, folders walked with default and configured excludes, and
// standard input. It recognises Python files by extension and, for files
// without one, by a python shebang. It does not parse Python.
package collect

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/pyward/pyward/assess"
)

// skipDirs are never walked into: version control, virtual environments,
// installed packages, caches and build output.
var skipDirs = map[string]bool{
	".git": true, ".hg": true, ".svn": true, ".venv": true, "venv": true, ".tox": true, ".nox": true,
	"site-packages": true, "dist-packages": true, "node_modules": true, "__pycache__": true,
	".mypy_cache": true, ".pytest_cache": true, ".ruff_cache": true, ".eggs": true,
	"build": true, "dist": true,
}

// NotPython is the reason given for a named file that is not Python.
const NotPython = "not a Python file"

// DefaultSecretFiles are the files judged for secrets when the
// configuration's secrets section does not list its own.
var DefaultSecretFiles = []string{".env", ".env.*", "*.env", "*.ini", "*.cfg", "*.conf", "*.toml", "*.yaml", "*.yml",
	"*.json", "*.properties", "Dockerfile", "Dockerfile.*", "*.dockerfile", "*.sh", "*.bash", "*.zsh"}

// SecretFiles are the globs (see assess.MatchGlob) of the files judged for
// secrets only; empty turns that off. The scan sets it from the
// configuration before collecting: one setting for the whole process,
// read by every kind decision, walked or from git.
var SecretFiles = DefaultSecretFiles

// isSecretFile reports whether a slash-separated path is a configuration
// file judged by the secret rules only.
func isSecretFile(rel string) bool {
	for _, g := range SecretFiles {
		if assess.MatchGlob(g, rel) {
			return true
		}
	}
	return false
}

// maxSize is the largest file read; a larger one is reported as skipped.
const maxSize = 16 << 20

// Root returns the folder paths are reported relative to: the repository
// root above dir (the folder holding .git), else dir itself.
func Root(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return dir
	}
	for d := abs; ; {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return abs
		}
		d = parent
	}
}

// Paths collects the Python files named by args (files or folders), with
// paths made relative to root. excludes are globs matched against paths
// relative to excludeBase, the folder of the configuration that lists them.
func Paths(args []string, root string, excludes []string, excludeBase string) ([]assess.Input, error) {
	if excludeBase == "" {
		excludeBase = root
	}
	if abs, err := filepath.Abs(excludeBase); err == nil {
		excludeBase = abs
	}
	var out []assess.Input
	for _, arg := range args {
		st, err := os.Stat(arg)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			rel := relTo(root, arg)
			in := read(arg, rel)
			if in.Err == "" && !IsPython(arg, in.Data) {
				if isSecretFile(rel) {
					in.SecretsOnly = true
				} else {
					in.Err, in.Data = NotPython, nil
				}
			}
			out = append(out, in)
			continue
		}
		err = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				out = append(out, assess.Input{Path: relTo(root, p), Err: err.Error()})
				return nil
			}
			rel := relTo(root, p)
			if d.IsDir() {
				if p != arg && (skipDirs[d.Name()] || strings.HasSuffix(d.Name(), ".egg-info") || isVenv(p) || excluded(excludes, relTo(excludeBase, p))) {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() || excluded(excludes, relTo(excludeBase, p)) {
				return nil // symlinks and devices are not followed
			}
			name := d.Name()
			if strings.HasSuffix(name, ".py") || strings.HasSuffix(name, ".pyw") {
				out = append(out, read(p, rel))
			} else if !strings.Contains(name, ".") && hasPythonShebang(p) {
				out = append(out, read(p, rel))
			} else if isSecretFile(rel) {
				in := read(p, rel)
				in.SecretsOnly = true
				out = append(out, in)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Stdin reads standard input as one file reported under name.
func Stdin(r io.Reader, name string) assess.Input {
	data, err := io.ReadAll(io.LimitReader(r, maxSize+1))
	switch {
	case err != nil:
		return assess.Input{Path: name, Err: err.Error()}
	case len(data) > maxSize:
		return assess.Input{Path: name, Err: "larger than 16 MiB"}
	}
	return assess.Input{Path: name, Data: data}
}

func read(p, rel string) assess.Input {
	st, err := os.Stat(p)
	if err != nil {
		return assess.Input{Path: rel, Err: err.Error()}
	}
	if st.Size() > maxSize {
		return assess.Input{Path: rel, Err: "larger than 16 MiB"}
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return assess.Input{Path: rel, Err: err.Error()}
	}
	return assess.Input{Path: rel, Data: data}
}

// IsPython reports whether a file is Python: by extension, or, without
// one, by a shebang naming python.
func IsPython(name string, data []byte) bool {
	base := filepath.Base(name)
	if strings.HasSuffix(base, ".py") || strings.HasSuffix(base, ".pyw") {
		return true
	}
	return !strings.Contains(base, ".") && shebangIsPython(data)
}

func hasPythonShebang(p string) bool {
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	buf := make([]byte, 128)
	n, _ := io.ReadFull(f, buf)
	return shebangIsPython(buf[:n])
}

func shebangIsPython(data []byte) bool {
	if !bytes.HasPrefix(data, []byte("#!")) {
		return false
	}
	line := data
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		line = data[:i]
	}
	return bytes.Contains(line, []byte("python"))
}

// isVenv recognises a virtual environment by its pyvenv.cfg.
func isVenv(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, "pyvenv.cfg"))
	return err == nil
}

func excluded(globs []string, rel string) bool {
	for _, g := range globs {
		if assess.MatchGlob(g, rel) {
			return true
		}
	}
	return false
}

// relTo makes p slash-separated and relative to root when it lies inside.
func relTo(root, p string) string {
	abs, err := filepath.Abs(p)
	if err == nil {
		if rel, err := filepath.Rel(root, abs); err == nil && !strings.HasPrefix(rel, "..") {
			return path.Clean(filepath.ToSlash(rel))
		}
	}
	return filepath.ToSlash(p)
}
