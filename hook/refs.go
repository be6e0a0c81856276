package hook

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// errUnborn is HEAD naming a branch that has no commit yet.
var errUnborn = errors.New("HEAD has no commit yet")

// headCommit returns the commit HEAD points at, or errUnborn.
func (r *Repo) headCommit() (plumbing.Hash, error) {
	b, err := os.ReadFile(filepath.Join(r.GitDir, "HEAD"))
	if err != nil {
		return plumbing.ZeroHash, fmt.Errorf("reading HEAD: %w", err)
	}
	head := strings.TrimSpace(string(b))
	if name, ok := strings.CutPrefix(head, "ref:"); ok {
		h, found, err := r.ref(strings.TrimSpace(name))
		if err != nil {
			return plumbing.ZeroHash, err
		}
		if !found {
			return plumbing.ZeroHash, errUnborn
		}
		return h, nil
	}
	if !plumbing.IsHash(head) {
		return plumbing.ZeroHash, fmt.Errorf("HEAD holds %q, not a commit or a branch", head)
	}
	return plumbing.NewHash(head), nil // detached
}

// ref resolves a full reference name (refs/heads/main), following
// symbolic references, from loose files then packed-refs. Per-worktree
// refs live in the worktree's git dir, the rest in the common dir.
func (r *Repo) ref(name string) (plumbing.Hash, bool, error) {
	for depth := 0; depth < 10; depth++ {
		dir := r.CommonDir
		if !strings.HasPrefix(name, "refs/") || strings.HasPrefix(name, "refs/worktree/") || strings.HasPrefix(name, "refs/bisect/") {
			dir = r.GitDir // HEAD, ORIG_HEAD, FETCH_HEAD...: per worktree
		}
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err == nil {
			v := strings.TrimSpace(string(b))
			if target, ok := strings.CutPrefix(v, "ref:"); ok {
				name = strings.TrimSpace(target)
				continue
			}
			// FETCH_HEAD has more after the hash on its first line.
			if len(v) >= 40 && plumbing.IsHash(v[:40]) {
				return plumbing.NewHash(v[:40]), true, nil
			}
			return plumbing.ZeroHash, false, fmt.Errorf("reference %s holds %q", name, v)
		}
		h, ok, err := r.packedRef(name)
		return h, ok, err
	}
	return plumbing.ZeroHash, false, fmt.Errorf("reference %s: too many symbolic links", name)
}

// packedRef looks a reference up in packed-refs ("HASH NAME" lines; "^"
// lines peel the tag above them).
func (r *Repo) packedRef(name string) (plumbing.Hash, bool, error) {
	b, err := os.ReadFile(filepath.Join(r.CommonDir, "packed-refs"))
	if errors.Is(err, os.ErrNotExist) {
		return plumbing.ZeroHash, false, nil
	}
	if err != nil {
		return plumbing.ZeroHash, false, err
	}
	for len(b) > 0 {
		line := b
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			line, b = b[:i], b[i+1:]
		} else {
			b = nil
		}
		line = bytes.TrimRight(line, "\r")
		if len(line) > 41 && line[40] == ' ' && string(line[41:]) == name && plumbing.IsHash(string(line[:40])) {
			return plumbing.NewHash(string(line[:40])), true, nil
		}
	}
	return plumbing.ZeroHash, false, nil
}

// resolve turns a revision into a commit: a full or unique short hash, a
// name looked up as git does (NAME, refs/NAME, refs/tags/NAME,
// refs/heads/NAME, refs/remotes/NAME, refs/remotes/NAME/HEAD), HEAD or @,
// followed by any ~N, ^N and ^ suffixes. Annotated tags are peeled.
func (r *Repo) resolve(rev string) (plumbing.Hash, error) {
	base, suffix := rev, ""
	if i := strings.IndexAny(rev, "~^"); i >= 0 {
		base, suffix = rev[:i], rev[i:]
	}
	h, err := r.resolveName(base)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	if h, err = r.peel(h); err != nil {
		return plumbing.ZeroHash, err
	}
	for suffix != "" {
		op := suffix[0]
		suffix = suffix[1:]
		j := 0
		for j < len(suffix) && suffix[j] >= '0' && suffix[j] <= '9' {
			j++
		}
		n := 1
		if j > 0 {
			if n, err = strconv.Atoi(suffix[:j]); err != nil {
				return plumbing.ZeroHash, fmt.Errorf("%q: bad number", rev)
			}
		}
		suffix = suffix[j:]
		c, err := object.GetCommit(r.objects, h)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		switch {
		case op == '^' && n == 0:
		case op == '^':
			if n > len(c.ParentHashes) {
				return plumbing.ZeroHash, fmt.Errorf("%q: the commit has no parent %d", rev, n)
			}
			h = c.ParentHashes[n-1]
		default: // ~N: N first parents
			for k := 0; k < n; k++ {
				if len(c.ParentHashes) == 0 {
					return plumbing.ZeroHash, fmt.Errorf("%q: history ends before %d generations", rev, n)
				}
				h = c.ParentHashes[0]
				if k+1 < n {
					if c, err = object.GetCommit(r.objects, h); err != nil {
						return plumbing.ZeroHash, err
					}
				}
			}
		}
	}
	return h, nil
}

func (r *Repo) resolveName(name string) (plumbing.Hash, error) {
	if name == "" || name == "@" || name == "HEAD" {
		return r.headCommit()
	}
	for _, full := range []string{name, "refs/" + name, "refs/tags/" + name, "refs/heads/" + name, "refs/remotes/" + name, "refs/remotes/" + name + "/HEAD"} {
		if full == name && !strings.HasPrefix(name, "refs/") && strings.Contains(name, "/") {
			continue // a bare NAME is only looked up directly when it is a top-level ref like ORIG_HEAD
		}
		h, ok, err := r.ref(full)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		if ok {
			return h, nil
		}
	}
	if len(name) >= 4 && len(name) <= 40 && isHex(name) {
		if len(name) == 40 {
			return plumbing.NewHash(name), nil
		}
		switch hs := r.objects.hashesWithPrefix(strings.ToLower(name)); len(hs) {
		case 1:
			return hs[0], nil
		case 0:
		default:
			return plumbing.ZeroHash, fmt.Errorf("%q is ambiguous: %d objects start with it", name, len(hs))
		}
	}
	return plumbing.ZeroHash, fmt.Errorf("no such revision %q", name)
}

// peel follows annotated tags to the object they name.
func (r *Repo) peel(h plumbing.Hash) (plumbing.Hash, error) {
	for depth := 0; depth < 10; depth++ {
		typ, data, err := r.objects.read(h)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		if typ != plumbing.TagObject {
			return h, nil
		}
		o := &plumbing.MemoryObject{}
		o.SetType(typ)
		o.Write(data)
		var tag object.Tag
		if err := tag.Decode(o); err != nil {
			return plumbing.ZeroHash, err
		}
		h = tag.Target
	}
	return plumbing.ZeroHash, errors.New("tag chain too long")
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// shallow reports whether the repository is a shallow clone.
func (r *Repo) shallow() bool {
	st, err := os.Stat(filepath.Join(r.CommonDir, "shallow"))
	return err == nil && st.Size() > 0
}
