package collect

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
	"github.com/pyward/pyward/assess"
	"github.com/pyward/pyward/hook"
)

// Blobs turns the files git reports (staged, or changed since a base)
// into inputs read from their blobs, never from the working tree: the
// Python files among them (by extension, or by a shebang read from the
// blob), minus those the configuration excludes (excluded is given
// absolute paths). The default skipped folders do not apply: a file that
// is committed is judged wherever it lies. With newOnly, each input
// carries the lines added or changed relative to the file's old content.
func Blobs(r *hook.Repo, files []hook.File, excluded func(abs string, dir bool) bool, newOnly bool) []assess.Input {
	c := &collector{Options: Options{Root: r.Root, Excluded: excluded}, dirs: map[string]bool{}}
	var out []assess.Input
	for _, f := range files {
		var headErr error
		kind := kindOf(f.Path, func() []byte {
			head, err := r.Head(f.Hash, 128)
			headErr = err
			return head
		})
		if headErr != nil {
			out = append(out, assess.Input{Path: f.Path, Err: "reading the blob: " + headErr.Error()})
			continue
		}
		if kind == Skip || excluded != nil && c.excluded(filepath.Join(r.Root, filepath.FromSlash(f.Path))) {
			continue
		}
		in := gitInput(r, f, newOnly)
		in.SecretsOnly = kind == Secrets
		out = append(out, in)
	}
	return out
}

func gitInput(r *hook.Repo, f hook.File, newOnly bool) assess.Input {
	in := assess.Input{Path: f.Path}
	data, err := r.Read(f.Hash)
	switch {
	case err != nil:
		in.Err = "reading the blob: " + err.Error()
		return in
	case len(data) > maxSize:
		in.Err = TooLarge
		return in
	}
	in.Data = data
	if !newOnly || f.Old.IsZero() {
		return in // a new file: every line is new
	}
	old, err := r.Read(f.Old)
	if err != nil {
		in.Err = "reading the previous version: " + err.Error()
		in.Data = nil
		return in
	}
	in.NewOnly = true
	in.Changed = []assess.LineRange{}
	for _, lr := range hook.ChangedLines(old, data) {
		in.Changed = append(in.Changed, assess.LineRange{Start: lr.Start, End: lr.End})
	}
	return in
}

// Git is a repository's view of its working tree for folder scans: the
// paths it tracks (from the index) and its ignore rules.
type Git struct {
	Root    string
	tracked map[string]filemode.FileMode // slash-separated path -> mode
	dirs    map[string]bool              // folders holding tracked paths
	exclude []gitignore.Pattern          // .git/info/exclude
}

// NewGit reads the index of r. A path in a merge conflict counts once.
func NewGit(r *hook.Repo) (*Git, error) {
	entries, _, release, err := r.ReadIndex()
	if err != nil {
		return nil, err
	}
	defer release()
	g := &Git{Root: r.Root, tracked: make(map[string]filemode.FileMode, len(entries)), dirs: map[string]bool{}}
	for i := range entries {
		e := &entries[i]
		if _, ok := g.tracked[e.Name]; ok {
			continue
		}
		name := strings.Clone(e.Name) // the entries live in the mapped index
		g.tracked[name] = e.Mode()
		for d := path.Dir(name); d != "." && !g.dirs[d]; d = path.Dir(d) {
			g.dirs[d] = true
		}
	}
	g.exclude = readIgnore(filepath.Join(r.CommonDir, "info", "exclude"), nil)
	return g, nil
}

// readIgnore parses an ignore file whose patterns apply below domain.
func readIgnore(file string, domain []string) []gitignore.Pattern {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil
	}
	var ps []gitignore.Pattern
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSuffix(line, "\r")
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		ps = append(ps, gitignore.ParsePattern(line, domain))
	}
	return ps
}

// walkGit collects the files under dir (inside the repository) as git
// sees them: every tracked file, whatever its folder is called, plus the
// untracked files git does not ignore, outside the default excluded
// folders. Configured excludes apply to both.
func (c *collector) walkGit(dir string) error {
	g := c.Git
	relDir := relTo(g.Root, dir)
	prefix := relDir + "/"
	if relDir == "." {
		prefix = ""
	}
	var ins []assess.Input
	before := len(c.res.Inputs)
	// Tracked files: the index lists them; their content is the working
	// tree's (this is a working-tree scan).
	names := make([]string, 0)
	for name := range g.tracked {
		if strings.HasPrefix(name, prefix) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		abs := filepath.Join(g.Root, filepath.FromSlash(name))
		switch mode := g.tracked[name]; {
		case mode == filemode.Submodule:
			continue
		case mode == filemode.Symlink:
			if kindOf(name, none) == Python {
				c.notice(c.rel(abs), "a symbolic link: not followed")
			}
			continue
		}
		st, err := os.Lstat(abs)
		if errors.Is(err, fs.ErrNotExist) {
			continue // deleted in the working tree: nothing there to run
		}
		if err != nil {
			c.add(assess.Input{Path: c.rel(abs), Err: openError(err)})
			continue
		}
		c.file(abs, abs, st.Mode().Type())
	}
	// Untracked files git does not ignore. The ignore files of the folders
	// above dir apply too.
	var ps []gitignore.Pattern
	ps = append(ps, g.exclude...)
	var domain []string
	ps = append(ps, readIgnore(filepath.Join(g.Root, ".gitignore"), nil)...)
	if prefix != "" {
		for _, part := range strings.Split(relDir, "/") {
			domain = append(domain, part)
			d := filepath.Join(g.Root, filepath.FromSlash(strings.Join(domain, "/")))
			if d != dir {
				ps = append(ps, readIgnore(filepath.Join(d, ".gitignore"), append([]string(nil), domain...))...)
			}
		}
		domain = strings.Split(relDir, "/")
	}
	if err := c.untracked(dir, domain, ps); err != nil {
		return err
	}
	ins = c.res.Inputs[before:]
	sortInputs(ins)
	return nil
}

// ignoredDir reports whether dir, a folder inside the repository, is
// ignored by git (itself or through a folder above it) and holds no
// tracked file. A folder named on the command line is then walked as a
// plain folder: asking for it is asking for its files, as when
// `pyward scan ~/.pyenv/versions/3.11.7/lib/python3.11` names a folder a
// version manager's repository ignores.
func (g *Git) ignoredDir(dir string) bool {
	relDir := relTo(g.Root, dir)
	if relDir == "." || g.dirs[relDir] {
		return false
	}
	parts := strings.Split(relDir, "/")
	ps := append([]gitignore.Pattern(nil), g.exclude...)
	ps = append(ps, readIgnore(filepath.Join(g.Root, ".gitignore"), nil)...)
	for i := 1; i <= len(parts); i++ {
		if gitignore.NewMatcher(ps).Match(parts[:i], true) {
			return true
		}
		if i < len(parts) {
			d := filepath.Join(g.Root, filepath.FromSlash(strings.Join(parts[:i], "/")))
			ps = append(ps, readIgnore(filepath.Join(d, ".gitignore"), append([]string(nil), parts[:i]...))...)
		}
	}
	return false
}

// untracked walks dir (whose path below the root is domain) for files git
// neither tracks nor ignores; ps are the ignore patterns in force.
func (c *collector) untracked(dir string, domain []string, ps []gitignore.Pattern) error {
	g := c.Git
	ps = append(ps, readIgnore(filepath.Join(dir, ".gitignore"), domain)...)
	m := gitignore.NewMatcher(ps)
	ents, err := os.ReadDir(dir)
	if err != nil {
		c.add(assess.Input{Path: c.rel(dir), Err: openError(err)})
		return nil
	}
	for _, e := range ents {
		name := e.Name()
		p := append(domain[:len(domain):len(domain)], name)
		rel := strings.Join(p, "/")
		abs := filepath.Join(dir, name)
		if e.IsDir() {
			switch {
			case name == ".git" && len(domain) == 0:
				continue // git's own folder
			case m.Match(p, true), defaultSkip(abs, name), c.Excluded(abs, true):
				// Its tracked files were collected above; a folder counts as
				// skipped when none of it is judged.
				if !g.dirs[rel] {
					c.res.SkippedDirs++
				}
				continue
			case !g.dirs[rel] && exists(filepath.Join(abs, ".git")):
				c.res.SkippedDirs++ // another repository: scan it on its own
				continue
			}
			if err := c.untracked(abs, p, ps); err != nil {
				return err
			}
			continue
		}
		if _, ok := g.tracked[rel]; ok || m.Match(p, false) {
			continue
		}
		c.file(abs, abs, e.Type())
	}
	return nil
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}
