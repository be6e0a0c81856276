// Package collect gathers the files a scan of the working tree reads:
// named files, folders walked as git sees them (tracked files, plus
// untracked files git does not ignore) or, outside a repository, with the
// default excludes, configured excludes, and standard input. It decides
// what kind of file each is (see Kind) and refuses anything that is not a
// regular file without opening it. It does not parse Python.
package collect

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"syscall"

	"github.com/pyward/pyward/assess"
)

// skipDirs are not walked into for untracked files: version control,
// virtual environments, installed packages, caches and build output. In a
// repository, files git tracks under such folders are judged all the same:
// skipping committed code by its folder's name would be a bypass.
var skipDirs = map[string]bool{
	".git": true, ".hg": true, ".svn": true, ".venv": true, "venv": true, ".tox": true, ".nox": true,
	"site-packages": true, "dist-packages": true, "node_modules": true, "__pycache__": true,
	".mypy_cache": true, ".pytest_cache": true, ".ruff_cache": true, ".eggs": true,
	"build": true, "dist": true,
}

// maxSize is the largest file read; a larger one is not judged (PW001).
const maxSize = 16 << 20

// TooLarge is the reason given for a file over maxSize.
const TooLarge = "larger than 16 MiB"

// Kind is what a file is judged as. Selection decides it once, from the
// name and, for a name without an extension, the first bytes; the
// assessment of each kind lives elsewhere. New kinds (configuration files
// for secrets, notebooks) are added here and in kindOf.
type Kind uint8

const (
	// Skip: not collected by a folder walk.
	Skip Kind = iota
	// Python source.
	Python
	// Secrets: a text file of a kind where secrets are committed (.env,
	// YAML, JSON, INI …), on which only the secret rules run.
	Secrets
	// Notebook: a Jupyter notebook, judged as the Python of its code
	// cells (assess recognises it by its extension).
	Notebook
)

// DefaultSecretFiles are the files judged for secrets when the
// configuration's secrets section does not list its own.
// Private keys are among them: a key file committed is the leak
// gitleaks and every secret scanner look for first (id_rsa, *.pem, *.key).
var DefaultSecretFiles = []string{".env", ".env.*", "*.env", "*.ini", "*.cfg", "*.conf", "*.toml", "*.yaml", "*.yml",
	"*.json", "*.properties", "Dockerfile", "Dockerfile.*", "*.dockerfile", "*.sh", "*.bash", "*.zsh",
	"*.pem", "*.key", "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519"}

// SecretFiles are the globs (see assess.MatchGlob) of the files judged for
// secrets only; empty turns that off. The scan sets it from the
// configuration before collecting: one setting for the whole process,
// read by every kind decision, walked or from git.
var SecretFiles = DefaultSecretFiles

// isSecretFile reports whether a slash-separated path is a configuration
// file judged by the secret rules only.
func isSecretFile(rel string) bool {
	m := secretMatcher.Load()
	if m == nil || !slices.Equal(m.globs, SecretFiles) {
		m = compileNameGlobs(SecretFiles)
		secretMatcher.Store(m)
	}
	return m.match(rel)
}

// secretMatcher is SecretFiles compiled (see nameGlobs), rebuilt when the
// scan sets other globs.
var secretMatcher atomic.Pointer[nameGlobs]

// nameGlobs matches globs the way assess.MatchGlob does, with the common
// shapes of a glob on a file's name (*.ini, .env.*, Dockerfile) turned
// into a suffix, a prefix or a name looked up without path.Match: a walk
// asks it of every file that is not Python.
type nameGlobs struct {
	globs    []string
	suffixes []string
	prefixes []string
	names    map[string]bool
	others   []string // matched with assess.MatchGlob
}

func compileNameGlobs(globs []string) *nameGlobs {
	m := &nameGlobs{globs: globs, names: map[string]bool{}}
	for _, g := range globs {
		switch {
		case strings.Contains(g, "/"):
			m.others = append(m.others, g)
		case !strings.ContainsAny(g, `*?[\`):
			m.names[g] = true
		case strings.HasPrefix(g, "*") && !strings.ContainsAny(g[1:], `*?[\`):
			m.suffixes = append(m.suffixes, g[1:])
		case strings.HasSuffix(g, "*") && !strings.ContainsAny(g[:len(g)-1], `*?[\`):
			m.prefixes = append(m.prefixes, g[:len(g)-1])
		default:
			m.others = append(m.others, g)
		}
	}
	return m
}

func (m *nameGlobs) match(rel string) bool {
	base := rel[strings.LastIndexByte(rel, '/')+1:]
	if m.names[base] {
		return true
	}
	for _, s := range m.suffixes {
		if strings.HasSuffix(base, s) {
			return true
		}
	}
	for _, p := range m.prefixes {
		if strings.HasPrefix(base, p) {
			return true
		}
	}
	for _, g := range m.others {
		if assess.MatchGlob(g, rel) {
			return true
		}
	}
	return false
}

// kindOf decides what a file found by a folder walk is judged as. head
// returns the file's first bytes; it is called only for names without an
// extension, which are Python when their shebang names python.
func kindOf(name string, head func() []byte) Kind {
	base := name[strings.LastIndexByte(name, '/')+1:]
	switch {
	case strings.HasSuffix(base, ".py"), strings.HasSuffix(base, ".pyw"):
		return Python
	case !strings.Contains(base, ".") && shebangIsPython(head()):
		return Python
	case strings.HasSuffix(strings.ToLower(base), ".ipynb"):
		return Notebook
	}
	if isSecretFile(name) {
		return Secrets
	}
	return Skip
}

// IsPython reports whether a file is Python: by extension, or, without
// one, by a shebang naming python.
func IsPython(name string, data []byte) bool {
	return kindOf(filepath.ToSlash(name), func() []byte { return data }) == Python
}

// Options say how paths are collected.
type Options struct {
	// Root is what reported paths are relative to: the repository root,
	// else the current folder. Paths outside it are kept as given.
	Root string
	// Git, when set, is the repository's view of the tree: folder walks
	// inside Git.Root judge what it tracks plus what it does not ignore.
	Git *Git
	// Excluded reports whether the configuration that applies to the file
	// or folder (dir) at abs, an absolute path, excludes it.
	Excluded func(abs string, dir bool) bool
}

// Result is what Paths collected, and what it left out.
type Result struct {
	Inputs []assess.Input
	// Notices say what was refused or not followed (symbolic links).
	Notices []string
	// SkippedDirs counts the folders not walked into (default excludes,
	// ignored by git, configured excludes, other repositories); Excluded
	// the files the configuration excludes.
	SkippedDirs, Excluded int
}

// Paths collects the files named by args (files or folders). A file named
// on the command line is judged as Python whatever its name (for secrets
// only when SecretFiles matches it), unless the
// configuration excludes it; a folder is walked. Each file is collected
// once, however often it is named.
func Paths(args []string, o Options) (*Result, error) {
	c := &collector{Options: o, res: &Result{}, seen: map[string]bool{}, dirs: map[string]bool{}}
	if c.Excluded == nil {
		c.Excluded = func(string, bool) bool { return false }
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	c.wd = wd
	for _, arg := range args {
		st, err := os.Stat(arg)
		if err != nil {
			return nil, err
		}
		abs := absIn(wd, arg)
		if !st.IsDir() {
			if c.excluded(abs) {
				c.res.Excluded++
				continue
			}
			in := readFile(abs, relFrom(c.Root, abs, arg), st)
			// A configuration file named on the command line is judged
			// for secrets, as a walk would; anything else as Python.
			in.SecretsOnly = kindOf(filepath.ToSlash(arg), none) == Secrets
			c.add(in)
			continue
		}
		if c.Git != nil && inside(c.Git.Root, abs) && c.Git.ignoredDir(abs) {
			c.notice(c.rel(abs), "ignored by git: walked as a plain folder")
			err = c.walk(abs, arg)
		} else if c.Git != nil && inside(c.Git.Root, abs) {
			err = c.walkGit(abs)
		} else {
			err = c.walk(abs, arg)
		}
		if err != nil {
			return nil, err
		}
	}
	return c.res, nil
}

type collector struct {
	Options
	res  *Result
	seen map[string]bool // reported paths already collected
	// dirs caches, for a folder below the root, whether it or a folder
	// above it up to the root is excluded by the configuration that sees
	// it (see excluded).
	dirs map[string]bool
	// wd is the current folder, read once: filepath.Abs asks the system
	// for it each time (two lookups), and a scan of ten thousand named
	// files made each path absolute twice.
	wd string
}

// absIn is filepath.Abs(p) with the current folder wd already known.
func absIn(wd, p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(wd, p)
}

// excluded reports whether the file at abs is excluded: by its own
// configuration, or because a folder above it, up to the root, is
// excluded by the configuration that sees that folder (a root that
// excludes gen/** keeps gen/ out even if gen/ has a configuration of its
// own, whether the files are walked, tracked or named).
func (c *collector) excluded(abs string) bool {
	if c.Excluded(abs, false) {
		return true
	}
	if c.Root == "" {
		return false
	}
	return c.dirExcluded(filepath.Dir(abs))
}

// dirExcluded reports whether the folder d, or one above it below the
// root, is excluded. The answer is kept per folder, so the files of a
// folder cost one lookup, not one per level up to the root.
func (c *collector) dirExcluded(d string) bool {
	if ex, ok := c.dirs[d]; ok {
		return ex
	}
	ex := false
	if d != c.Root && inside(c.Root, d) {
		ex = c.Excluded(d, true)
		if parent := filepath.Dir(d); !ex && parent != d {
			ex = c.dirExcluded(parent)
		}
	}
	c.dirs[d] = ex
	return ex
}

func (c *collector) add(in assess.Input) {
	if c.seen[in.Path] {
		return
	}
	c.seen[in.Path] = true
	c.res.Inputs = append(c.res.Inputs, in)
}

func (c *collector) notice(rel, msg string) {
	c.res.Notices = append(c.res.Notices, rel+": "+msg)
}

// rel is the reported path of p: slash-separated and relative to Root
// when inside it, else as given.
func (c *collector) rel(p string) string {
	if c.wd == "" {
		return relTo(c.Root, p)
	}
	return relFrom(c.Root, absIn(c.wd, p), p)
}

// walk collects the Python files under a folder outside any repository
// (or outside the one given), leaving out the default excluded folders.
func (c *collector) walk(abs, arg string) error {
	return filepath.WalkDir(abs, func(p string, d fs.DirEntry, err error) error {
		shown := filepath.Join(arg, strings.TrimPrefix(p, abs))
		if err != nil {
			c.add(assess.Input{Path: c.rel(shown), Err: err.Error()})
			return nil
		}
		if d.IsDir() {
			if p != abs && (defaultSkip(p, d.Name()) || c.Excluded(p, true)) {
				c.res.SkippedDirs++
				return filepath.SkipDir
			}
			return nil
		}
		c.file(p, shown, d.Type())
		return nil
	})
}

// file collects one file found by a walk, of the given type bits.
func (c *collector) file(abs, shown string, typ fs.FileMode) {
	rel := c.rel(shown)
	if typ&fs.ModeSymlink != 0 {
		if kindOf(filepath.ToSlash(shown), none) == Python {
			c.notice(rel, "a symbolic link: not followed")
		}
		return
	}
	kind := kindOf(filepath.ToSlash(shown), func() []byte {
		if !typ.IsRegular() {
			return nil
		}
		return readHead(abs)
	})
	if kind == Skip {
		return
	}
	if c.excluded(abs) {
		c.res.Excluded++
		return
	}
	st, err := os.Lstat(abs)
	if err != nil {
		c.add(assess.Input{Path: rel, Err: err.Error()})
		return
	}
	in := readFile(abs, rel, st)
	in.SecretsOnly = kind == Secrets
	c.add(in)
}

func none() []byte { return nil }

// defaultSkip: a folder skipped by name, or a virtual environment.
func defaultSkip(p, name string) bool {
	return skipDirs[name] || strings.HasSuffix(name, ".egg-info") || isVenv(p)
}

// Stdin reads standard input as one file reported under name. Empty input
// is an error: it is what a failed command before the pipe leaves, and a
// gate must not pass what it never saw.
func Stdin(r io.Reader, name string) (assess.Input, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxSize+1))
	switch {
	case err != nil:
		return assess.Input{Path: name, Err: "reading standard input: " + err.Error()}, nil
	case len(data) > maxSize:
		return assess.Input{Path: name, Err: TooLarge}, nil
	case len(data) == 0:
		return assess.Input{}, errors.New("standard input is empty: nothing to judge (did the command before the pipe fail?)")
	}
	return assess.Input{Path: name, Data: data}, nil
}

// readFile prepares the reading of a file whose Lstat (or Stat, for a
// named file) is st. Anything that is not a regular file is refused
// without being opened: a named pipe would block the scan forever, a
// device could be endless. The contents are read when the file is
// assessed (Input.Load), by the worker that assesses it: reads run in
// parallel and a scan holds only the files being judged, not the whole
// tree (a site-packages scan held 96 MB, and the collector ran without
// pause above its memory target).
func readFile(abs, rel string, st fs.FileInfo) assess.Input {
	if !st.Mode().IsRegular() {
		return assess.Input{Path: rel, Err: notRegular(st.Mode())}
	}
	if st.Size() > maxSize {
		return assess.Input{Path: rel, Err: TooLarge}
	}
	return assess.Input{Path: rel, Size: st.Size(),
		Load:     func() ([]byte, string) { return readRegular(abs, nil) },
		LoadInto: func(buf []byte) ([]byte, string) { return readRegular(abs, buf) }}
}

// readRegular reads the regular file at abs, into buf's array when it
// has room. It is opened without blocking and checked again, in case it
// was swapped since it was listed.
func readRegular(abs string, buf []byte) ([]byte, string) {
	f, err := os.OpenFile(abs, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, openError(err)
	}
	defer f.Close()
	st, err := f.Stat()
	switch {
	case err != nil:
		return nil, err.Error()
	case !st.Mode().IsRegular():
		return nil, notRegular(st.Mode())
	case st.Size() > maxSize:
		return nil, TooLarge
	}
	// Room for the size seen, so that the buffer is not grown for each
	// file; a file that grew since is still read whole, up to the limit.
	if need := int(st.Size()) + bytes.MinRead; cap(buf) < need {
		buf = make([]byte, 0, need)
	}
	b := bytes.NewBuffer(buf[:0])
	if _, err := b.ReadFrom(io.LimitReader(f, maxSize+1)); err != nil {
		return nil, openError(err)
	}
	if b.Len() > maxSize {
		return nil, TooLarge
	}
	return b.Bytes(), ""
}

// openError words a read failure without the absolute path (the report
// already names the file).
func openError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// notRegular names what a file that is not a regular one is.
func notRegular(m fs.FileMode) string {
	what := "a special file"
	switch {
	case m.IsDir():
		what = "a folder"
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	case m&fs.ModeCharDevice != 0:
		what = "a character device"
	case m&fs.ModeDevice != 0:
		what = "a device"
	case m&fs.ModeSymlink != 0:
		what = "a symbolic link"
	}
	return fmt.Sprintf("not a regular file (%s): refused without reading it", what)
}

// readHead returns the first bytes of a regular file, to look for a
// shebang.
func readHead(p string) []byte {
	f, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return nil
	}
	buf := make([]byte, 128)
	n, _ := io.ReadFull(f, buf)
	return buf[:n]
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

// Excluded reports whether rel (slash-separated, relative to the folder
// of the configuration listing globs) matches one of them.
func Excluded(globs []string, rel string) bool {
	for _, g := range globs {
		if assess.MatchGlob(g, rel) {
			return true
		}
	}
	return false
}

// Root returns the folder paths are reported relative to: the repository
// root above dir (the folder holding .git), else "".
func Root(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	return rootOf(abs, nil)
}

// rootOf is Root of the absolute folder d, with the answers for the
// folders above it kept in known (when not nil): the files named by a
// scan share their ancestors.
func rootOf(d string, known map[string]string) string {
	if r, ok := known[d]; ok {
		return r
	}
	r := ""
	if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
		r = d
	} else if parent := filepath.Dir(d); parent != d {
		r = rootOf(parent, known)
	}
	if known != nil {
		known[d] = r
	}
	return r
}

// CommonRoot is the root of a scan of args: the repository that holds
// every one of them, else the current folder. It does not depend on the
// order of the arguments.
func CommonRoot(args []string) string {
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	root := ""
	roots := map[string]string{} // by folder: ten thousand files named share few
	for i, a := range args {
		if a == "-" {
			a = "."
		}
		dir := absIn(wd, a)
		if st, err := os.Stat(a); err == nil && !st.IsDir() {
			dir = filepath.Dir(dir)
		}
		r := rootOf(dir, roots)
		if r == "" || i > 0 && r != root {
			return wd
		}
		root = r
	}
	if root == "" {
		return wd
	}
	return root
}

// Rel is the reported form of p: slash-separated and relative to root
// when inside it, else as given.
func Rel(root, p string) string { return relTo(root, p) }

// relTo makes p slash-separated and relative to root when it lies inside;
// otherwise it is kept as given, cleaned.
func relTo(root, p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return path.Clean(filepath.ToSlash(p))
	}
	return relFrom(root, abs, p)
}

// relFrom is relTo of p, whose absolute form is abs.
func relFrom(root, abs, p string) string {
	if root != "" {
		if rel, err := filepath.Rel(root, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return path.Clean(filepath.ToSlash(rel))
		}
	}
	return path.Clean(filepath.ToSlash(p))
}

// inside reports whether abs is root or below it.
func inside(root, abs string) bool {
	rel, err := filepath.Rel(root, abs)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// sortInputs orders inputs by path, for a report that does not depend on
// the order directories were read in.
func sortInputs(ins []assess.Input) {
	sort.SliceStable(ins, func(i, j int) bool { return ins[i].Path < ins[j].Path })
}
