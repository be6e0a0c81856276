package hook

import (
	"errors"
	"fmt"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// File is one file to scan, read from git rather than from the working
// tree.
type File struct {
	// Path is slash-separated and relative to the top of the working tree.
	Path string
	// Hash names the blob; Data is read by Repo.Read.
	Hash plumbing.Hash
	// Old is the blob the file had before the change (in HEAD for staged
	// files, in the merge-base for changed ones), zero for a new file. A
	// renamed file's Old is its content under its old name.
	Old     plumbing.Hash
	OldPath string
}

// Notice says why a changed path is not scanned.
type Notice struct {
	Path, Msg string
}

// Staged lists the files whose index entry differs from HEAD (every entry
// when HEAD has no commit yet), with their staged blobs. Deleted files are
// not listed. Symbolic links, submodules and paths in a merge conflict are
// skipped with a notice. Renames appear at their new path, with the old
// content when the blob did not change.
func (r *Repo) Staged() ([]File, []Notice, error) {
	entries, cache, release, err := r.ReadIndex()
	if err != nil {
		return nil, nil, err
	}
	defer release()
	var head plumbing.Hash
	switch h, err := r.headCommit(); {
	case errors.Is(err, errUnborn):
		// The first commit: every entry is staged.
	case err != nil:
		return nil, nil, err
	default:
		c, err := object.GetCommit(r.objects, h)
		if err != nil {
			return nil, nil, fmt.Errorf("reading HEAD's commit: %w", err)
		}
		head = c.TreeHash
	}
	d := &stagedDiff{repo: r, deleted: map[plumbing.Hash]string{}}
	if err := d.walk("", head, cache, entries); err != nil {
		return nil, nil, err
	}
	// A staged rename is a deletion and an addition; when the blob is the
	// same, the file keeps its old content as the base for changed lines.
	for i := range d.files {
		f := &d.files[i]
		if f.Old.IsZero() {
			if old, ok := d.deleted[f.Hash]; ok {
				f.Old, f.OldPath = f.Hash, old
			}
		}
	}
	return d.files, d.notices, nil
}

type stagedDiff struct {
	repo    *Repo
	files   []File
	notices []Notice
	deleted map[plumbing.Hash]string // blobs of files in HEAD that are gone from the index
}

// walk compares the index entries under prefix (a folder path ending in
// "/", or "" for the top) with the HEAD tree head (zero: none). A folder
// whose cache-tree hash equals HEAD's tree is skipped without reading it.
func (d *stagedDiff) walk(prefix string, head plumbing.Hash, cache *cacheNode, entries []Entry) error {
	if cache != nil && cache.valid && !head.IsZero() && cache.hash == head {
		return nil
	}
	headEntries := map[string]object.TreeEntry{}
	if !head.IsZero() {
		t, err := object.GetTree(d.repo.objects, head)
		if err != nil {
			return fmt.Errorf("reading tree %s of HEAD: %w", strings.TrimSuffix(prefix, "/"), err)
		}
		for _, e := range t.Entries {
			headEntries[e.Name] = e
		}
	}
	for i := 0; i < len(entries); {
		e := &entries[i]
		rest := e.Name[len(prefix):]
		if slash := strings.IndexByte(rest, '/'); slash >= 0 {
			// A folder: its entries are contiguous in the sorted index.
			dir := rest[:slash]
			sub := prefix + dir + "/"
			j := i + 1
			for j < len(entries) && strings.HasPrefix(entries[j].Name, sub) {
				j++
			}
			var child plumbing.Hash
			if he, ok := headEntries[dir]; ok && he.Mode == filemode.Dir {
				child = he.Hash
				delete(headEntries, dir)
			}
			if err := d.walk(sub, child, cache.child(dir), entries[i:j]); err != nil {
				return err
			}
			i = j
			continue
		}
		he, inHead := headEntries[rest]
		delete(headEntries, rest)
		if e.Stage() != 0 {
			// Unmerged: stages 1-3 of one path follow each other.
			d.notices = append(d.notices, Notice{strings.Clone(e.Name), "in a merge conflict: not scanned until resolved"})
			for i < len(entries) && entries[i].Name == e.Name {
				i++
			}
			continue
		}
		i++
		hash, mode := e.Hash(), e.Mode()
		if inHead && he.Hash == hash && he.Mode == mode {
			continue
		}
		if he.Mode == filemode.Dir {
			d.deletedTree(prefix+rest+"/", he.Hash)
		}
		switch {
		case e.IntentToAdd():
			// `git add -N`: nothing is staged yet.
		case mode == filemode.Symlink:
			d.notices = append(d.notices, Notice{strings.Clone(e.Name), "a symbolic link: not scanned"})
		case mode == filemode.Submodule:
			d.notices = append(d.notices, Notice{strings.Clone(e.Name), "a submodule: not scanned (scan it in its own repository)"})
		case mode == filemode.Regular || mode == filemode.Executable || mode == filemode.Deprecated:
			// Paths are copied: the entries live in the mapped index.
			name := strings.Clone(e.Name)
			f := File{Path: name, Hash: hash}
			if inHead && he.Mode.IsFile() {
				f.Old, f.OldPath = he.Hash, name
			}
			d.files = append(d.files, f)
		}
	}
	// What HEAD has and the index no longer does was deleted (or renamed).
	for name, he := range headEntries {
		if he.Mode == filemode.Dir {
			d.deletedTree(prefix+name+"/", he.Hash)
		} else {
			d.deleted[he.Hash] = prefix + name
		}
	}
	return nil
}

// deletedTree records the blobs of a folder that is gone from the index,
// for rename detection. A tree that cannot be read only costs the rename
// its old content.
func (d *stagedDiff) deletedTree(prefix string, h plumbing.Hash) {
	t, err := object.GetTree(d.repo.objects, h)
	if err != nil {
		return
	}
	for _, e := range t.Entries {
		if e.Mode == filemode.Dir {
			d.deletedTree(prefix+e.Name+"/", e.Hash)
		} else {
			d.deleted[e.Hash] = prefix + e.Name
		}
	}
}

// Read returns a blob's content.
func (r *Repo) Read(h plumbing.Hash) ([]byte, error) {
	typ, data, err := r.objects.read(h)
	if err == nil && typ != plumbing.BlobObject {
		err = fmt.Errorf("object %s is a %s, not a file", h, typ)
	}
	return data, err
}

// Head returns the first n bytes of a blob (fewer if it is shorter), to
// look for a shebang.
func (r *Repo) Head(h plumbing.Hash, n int) ([]byte, error) {
	data, err := r.Read(h)
	return data[:min(n, len(data))], err
}
