// Package hook owns git access: the staged files (honouring
// GIT_INDEX_FILE), the files changed since a base revision and their
// changed line ranges, blob reading, and installing or removing the git
// hook. It reads repositories and never writes to them, except for the
// hook file that `pyward hook install` is asked to write. It does not parse
// Python.
//
// go-git provides the object model: commit, tree and tag decoding, the
// merge-base, tree diffs with rename detection, line diffs and config
// parsing. Finding the repository, reading the index, references and the
// object database (loose objects and packs) are done here, because
// go-git's versions of those cost most of a staged scan's time on a large
// repository (see objectDB and ReadIndex) and its top-level package, which
// bundles every transport, adds milliseconds to every start of the binary.
package hook

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// ErrNotRepository is returned when no repository contains the folder.
var ErrNotRepository = errors.New("not a git repository (nor any parent folder)")

// Repo is an open repository with a working tree.
type Repo struct {
	objects *objectDB
	// Root is the top of the working tree.
	Root string
	// GitDir holds this working tree's own files (HEAD, index): .git, or
	// .git/worktrees/NAME for a linked worktree.
	GitDir string
	// CommonDir holds what all working trees share: objects, refs,
	// config, hooks. It equals GitDir except in a linked worktree.
	CommonDir string
}

// Open finds the repository that contains dir, walking up as git does,
// and opens it. GIT_DIR and GIT_WORK_TREE are honoured, as git sets them
// for hooks in some setups. A bare repository is an error: there is
// nothing staged in it and no hook to run.
func Open(dir string) (*Repo, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	r := &Repo{}
	if gd := os.Getenv("GIT_DIR"); gd != "" {
		if r.GitDir, err = filepath.Abs(gd); err != nil {
			return nil, err
		}
		switch wt := os.Getenv("GIT_WORK_TREE"); {
		case wt != "":
			r.Root, err = filepath.Abs(wt)
		case filepath.Base(r.GitDir) == ".git":
			r.Root = filepath.Dir(r.GitDir)
		default:
			r.Root, err = os.Getwd()
		}
		if err != nil {
			return nil, err
		}
	} else if err := r.discover(abs); err != nil {
		return nil, err
	}
	r.CommonDir = r.GitDir
	if b, err := os.ReadFile(filepath.Join(r.GitDir, "commondir")); err == nil {
		c := strings.TrimSpace(string(b))
		if !filepath.IsAbs(c) {
			c = filepath.Join(r.GitDir, c)
		}
		r.CommonDir = filepath.Clean(c)
	}
	// A linked worktree of a bare repository is a working tree all the same.
	if r.GitDir == r.CommonDir && isBare(r.CommonDir) {
		return nil, fmt.Errorf("%s is a bare repository: pyward needs a working tree for --staged and hooks", r.CommonDir)
	}
	if _, err := os.Stat(filepath.Join(r.GitDir, "HEAD")); err != nil {
		return nil, fmt.Errorf("%s is not a git folder (no HEAD): %w", r.GitDir, err)
	}
	if f := r.configValue("extensions", "objectFormat"); f != "" && !strings.EqualFold(f, "sha1") {
		return nil, fmt.Errorf("%s uses %s object names, which pyward cannot read yet", r.Root, f)
	}
	r.objects = newObjectDB(filepath.Join(r.CommonDir, "objects"))
	return r, nil
}

// discover walks up from dir to the first folder holding .git (a folder,
// or a file naming the git dir, as in linked worktrees and submodules).
func (r *Repo) discover(dir string) error {
	for p := dir; ; {
		dot := filepath.Join(p, ".git")
		if st, err := os.Stat(dot); err == nil {
			r.Root = p
			if st.IsDir() {
				r.GitDir = dot
				return nil
			}
			gd, err := readGitFile(dot)
			if err != nil {
				return err
			}
			r.GitDir = gd
			return nil
		}
		if looksLikeGitDir(p) {
			return fmt.Errorf("%s is a bare repository or a git folder: run pyward from a working tree", p)
		}
		parent := filepath.Dir(p)
		if parent == p {
			return ErrNotRepository
		}
		p = parent
	}
}

// readGitFile reads a .git file ("gitdir: PATH").
func readGitFile(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	line, _, _ := strings.Cut(string(b), "\n")
	gd, ok := strings.CutPrefix(strings.TrimSpace(line), "gitdir:")
	if !ok {
		return "", fmt.Errorf("%s: not a gitdir file", path)
	}
	gd = strings.TrimSpace(gd)
	if !filepath.IsAbs(gd) {
		gd = filepath.Join(filepath.Dir(path), gd)
	}
	return filepath.Clean(gd), nil
}

// looksLikeGitDir recognises a git folder by its HEAD file and objects
// and refs folders, as git's own discovery does.
func looksLikeGitDir(p string) bool {
	for _, name := range []string{"HEAD", "objects", "refs"} {
		if _, err := os.Stat(filepath.Join(p, name)); err != nil {
			return false
		}
	}
	return true
}

// isBare reads core.bare from the repository's config: a bare
// repository has no working tree to stage from.
func isBare(commonDir string) bool {
	v, _ := readConfigValue(filepath.Join(commonDir, "config"), "core", "bare")
	return strings.EqualFold(strings.TrimSpace(v), "true")
}
