package hook

import (
	"context"
	"errors"
	"fmt"

	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/utils/merkletrie"
)

// Changed lists the files that differ between the merge-base of rev and
// HEAD, and HEAD, with their content at HEAD: what a pull request from
// HEAD into rev would change. Renames are followed, so a renamed file's
// Old is its content at the merge-base.
func (r *Repo) Changed(rev string) ([]File, []Notice, error) {
	headHash, err := r.headCommit()
	if err != nil {
		return nil, nil, fmt.Errorf("reading HEAD: %w (--changed needs a commit)", err)
	}
	head, err := object.GetCommit(r.objects, headHash)
	if err != nil {
		return nil, nil, fmt.Errorf("reading HEAD's commit: %w", err)
	}
	baseHash, err := r.resolve(rev)
	if err != nil {
		return nil, nil, fmt.Errorf("--changed %s: no such revision here (%v); in CI, fetch it first, e.g. actions/checkout with fetch-depth: 0", rev, err)
	}
	base, err := object.GetCommit(r.objects, baseHash)
	if err != nil {
		return nil, nil, fmt.Errorf("--changed %s: %w", rev, err)
	}
	mb, err := r.mergeBase(head, base)
	if err != nil {
		return nil, nil, fmt.Errorf("--changed %s: %w", rev, err)
	}
	from, err := mb.Tree()
	if err != nil {
		return nil, nil, err
	}
	to, err := head.Tree()
	if err != nil {
		return nil, nil, err
	}
	changes, err := object.DiffTreeWithOptions(context.Background(), from, to, &object.DiffTreeOptions{DetectRenames: true})
	if err != nil {
		return nil, nil, fmt.Errorf("comparing the merge-base with HEAD: %w", err)
	}
	var files []File
	var notices []Notice
	for _, ch := range changes {
		action, err := ch.Action()
		if err != nil || action == merkletrie.Delete {
			continue
		}
		to := ch.To.TreeEntry
		switch {
		case to.Mode == filemode.Symlink:
			notices = append(notices, Notice{ch.To.Name, "a symbolic link: not scanned"})
		case to.Mode == filemode.Submodule:
			notices = append(notices, Notice{ch.To.Name, "a submodule: not scanned (scan it in its own repository)"})
		case to.Mode.IsFile():
			f := File{Path: ch.To.Name, Hash: to.Hash}
			if ch.From.Name != "" && ch.From.TreeEntry.Mode.IsFile() {
				f.Old, f.OldPath = ch.From.TreeEntry.Hash, ch.From.Name
			}
			files = append(files, f)
		}
	}
	return files, notices, nil
}

// mergeBase is the best common ancestor of a and b. In a shallow clone the
// history may stop before it: that is an error saying to fetch more, never
// a silent scan of everything or of nothing.
func (r *Repo) mergeBase(a, b *object.Commit) (*object.Commit, error) {
	bases, err := a.MergeBase(b)
	if (err != nil || len(bases) == 0) && r.shallow() {
		return nil, errors.New("this is a shallow clone and the merge-base with HEAD is not in the fetched history: " +
			"fetch more (git fetch --unshallow, or fetch-depth: 0 in actions/checkout)")
	}
	if err != nil {
		return nil, fmt.Errorf("finding the merge-base: %w", err)
	}
	if len(bases) == 0 {
		return nil, errors.New("it has no common history with HEAD")
	}
	return bases[0], nil
}
