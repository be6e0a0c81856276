package hook

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/index"
)

// IndexPath is the index git would use: GIT_INDEX_FILE when set (git sets
// it to a temporary index for `git commit -a`, `git commit PATHS` and
// `--only`, and a hook that ignores it judges the wrong content), else the
// working tree's own index. A relative GIT_INDEX_FILE is relative to the
// current folder, which for a hook is the top of the working tree.
func (r *Repo) IndexPath() string {
	if p := os.Getenv("GIT_INDEX_FILE"); p != "" {
		if filepath.IsAbs(p) {
			return p
		}
		if abs, err := filepath.Abs(p); err == nil {
			if _, err := os.Stat(abs); err == nil {
				return abs
			}
		}
		return filepath.Join(r.Root, p)
	}
	return filepath.Join(r.GitDir, "index")
}

// ReadIndex decodes the index. A missing index file is an empty index (a
// repository where nothing was ever staged). Split and sparse indexes are
// refused with a message that says how to turn them off: their entries
// live partly elsewhere, and reading only part of them would pass files
// unscanned.
func (r *Repo) ReadIndex() (*index.Index, *cacheNode, error) {
	path := r.IndexPath()
	raw, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return &index.Index{Version: 2}, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	idx := &index.Index{}
	if err := index.NewDecoder(bytes.NewReader(raw)).Decode(idx); err != nil {
		if errors.Is(err, index.ErrUnknownExtension) {
			switch ext := requiredExtensions(raw); {
			case contains(ext, "link"):
				return nil, nil, fmt.Errorf("%s is a split index, which pyward cannot read: run `git update-index --no-split-index` (and unset core.splitIndex)", path)
			case contains(ext, "sdir"):
				return nil, nil, fmt.Errorf("%s is a sparse index, which pyward cannot read: run `git sparse-checkout init --no-sparse-index` (or set index.sparse=false)", path)
			default:
				return nil, nil, fmt.Errorf("%s: the index uses extensions %v that pyward cannot read", path, ext)
			}
		}
		return nil, nil, fmt.Errorf("reading the index %s: %w", path, err)
	}
	return idx, cacheTree(raw), nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// requiredExtensions lists the signatures of the index's extensions that
// git marks as required (first letter not upper case). It is only used to
// word an error.
func requiredExtensions(raw []byte) []string {
	var out []string
	for _, e := range extensions(raw) {
		if e.sig[0] < 'A' || e.sig[0] > 'Z' {
			out = append(out, e.sig)
		}
	}
	return out
}

type extension struct {
	sig  string
	data []byte
}

// extensions returns the index's extensions, found by skipping over the
// entries per the index format (go-git decodes the entries but drops what
// pyward needs of the cache tree). It returns what it found before
// anything malformed.
func extensions(raw []byte) []extension {
	if len(raw) < 12+20 || string(raw[:4]) != "DIRC" {
		return nil
	}
	version := binary.BigEndian.Uint32(raw[4:8])
	count := binary.BigEndian.Uint32(raw[8:12])
	end := len(raw) - 20 // the trailing checksum
	off := 12
	for i := uint32(0); i < count; i++ {
		start := off
		off += 62 // stat data, hash and flags
		if off > end {
			return nil
		}
		flags := binary.BigEndian.Uint16(raw[off-2 : off])
		if version >= 3 && flags&0x4000 != 0 {
			off += 2
		}
		if version == 4 {
			for off < end && raw[off]&0x80 != 0 { // the prefix-strip varint
				off++
			}
			off++
			nul := bytes.IndexByte(raw[off:end], 0)
			if nul < 0 {
				return nil
			}
			off += nul + 1
			continue
		}
		nul := bytes.IndexByte(raw[off:end], 0)
		if nul < 0 {
			return nil
		}
		off += nul + 1
		for (off-start)%8 != 0 { // entries are NUL-padded to 8 bytes
			off++
		}
	}
	var out []extension
	for off+8 <= end {
		size := int(binary.BigEndian.Uint32(raw[off+4 : off+8]))
		if size < 0 || off+8+size > end {
			break
		}
		out = append(out, extension{string(raw[off : off+4]), raw[off+8 : off+8+size]})
		off += 8 + size
	}
	return out
}

// cacheNode is one folder of the index's cache tree (the TREE extension):
// when valid, hash is the tree object the index's entries under the folder
// would be written as, so a folder whose hash equals HEAD's is unchanged
// and need not be looked into. This is how git itself answers
// `git diff --cached` quickly on large repositories.
type cacheNode struct {
	valid    bool
	hash     plumbing.Hash
	children map[string]*cacheNode
}

func (n *cacheNode) child(name string) *cacheNode {
	if n == nil {
		return nil
	}
	return n.children[name]
}

// cacheTree parses the TREE extension, nil when there is none or it is
// malformed (then every folder is compared).
func cacheTree(raw []byte) *cacheNode {
	for _, e := range extensions(raw) {
		if e.sig == "TREE" {
			data := e.data
			root, ok := parseCacheNode(&data)
			if !ok {
				return nil
			}
			return root
		}
	}
	return nil
}

// parseCacheNode reads one node and its subtrees (stored in pre-order:
// "path NUL entries SP subtrees LF [hash]").
func parseCacheNode(data *[]byte) (*cacheNode, bool) {
	n, _, ok := parseCacheEntry(data)
	return n, ok
}

func parseCacheEntry(data *[]byte) (*cacheNode, string, bool) {
	d := *data
	nul := bytes.IndexByte(d, 0)
	if nul < 0 {
		return nil, "", false
	}
	name := string(d[:nul])
	d = d[nul+1:]
	lf := bytes.IndexByte(d, '\n')
	if lf < 0 {
		return nil, "", false
	}
	countStr, subStr, ok := bytes.Cut(d[:lf], []byte(" "))
	if !ok {
		return nil, "", false
	}
	count, err1 := strconv.Atoi(string(countStr))
	subtrees, err2 := strconv.Atoi(string(subStr))
	if err1 != nil || err2 != nil || subtrees < 0 || subtrees > len(d) {
		return nil, "", false
	}
	d = d[lf+1:]
	n := &cacheNode{valid: count >= 0}
	if n.valid {
		if len(d) < len(n.hash) {
			return nil, "", false
		}
		copy(n.hash[:], d)
		d = d[len(n.hash):]
	}
	*data = d
	for i := 0; i < subtrees; i++ {
		c, cname, ok := parseCacheEntry(data)
		if !ok {
			return nil, "", false
		}
		if n.children == nil {
			n.children = map[string]*cacheNode{}
		}
		n.children[cname] = c
	}
	return n, name, true
}
