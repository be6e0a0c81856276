package hook

import (
	"bytes"
	"crypto/sha1"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"unsafe"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
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

// Entry is one index entry. It points into the index file's bytes rather
// than copying its fields: a large index has tens of thousands of entries
// and a staged scan looks at few of them.
type Entry struct {
	Name string    // slash-separated path
	meta *[62]byte // stat data, object name and flags, as on disk
	ext  uint16    // extended flags (version 3 and up)
}

// Hash names the staged blob.
func (e *Entry) Hash() (h plumbing.Hash) {
	copy(h[:], e.meta[40:60])
	return h
}

// Mode is the file mode (regular, executable, symlink, gitlink).
func (e *Entry) Mode() filemode.FileMode {
	return filemode.FileMode(binary.BigEndian.Uint32(e.meta[24:28]))
}

// Stage is 0, or 1 to 3 for the sides of a merge conflict.
func (e *Entry) Stage() int { return int(e.meta[60]>>4) & 3 }

// IntentToAdd: `git add -N`, nothing staged yet.
func (e *Entry) IntentToAdd() bool { return e.ext&0x2000 != 0 }

// ReadIndex decodes the index: its entries, sorted by path as git keeps
// them, and its cache tree. A missing index file is an empty index (a
// repository where nothing was ever staged). Split and sparse indexes are
// refused with a message that says how to turn them off: their entries
// live partly elsewhere, and reading only part of them would pass files
// unscanned.
//
// The decoder is pyward's own rather than go-git's: go-git's reads every
// field through reflection and hashes with collision detection, which made
// it 25 ms of a 29 ms staged scan of a 20,000-file repository (the target
// is twice `git diff --cached`, 3 ms there), and it drops the invalidated
// cache-tree entries whose shape the pruning below needs.
//
// The entries point into the index file's bytes, which stay valid until
// release is called (the file is mapped into memory where the system
// allows): copy what must outlive it.
func (r *Repo) ReadIndex() (entries []Entry, cache *cacheNode, release func(), err error) {
	path := r.IndexPath()
	raw, free, err := readIndexFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil, func() {}, nil
	}
	if err != nil {
		return nil, nil, nil, err
	}
	defer func() {
		if err != nil {
			free() // nothing points into the file on an error
		}
	}()
	entries, exts, err := decodeIndex(raw)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("reading the index %s: %w", path, err)
	}
	var required []string
	for _, e := range exts {
		switch {
		case e.sig == "TREE":
			data := e.data
			if n, ok := parseCacheNode(&data); ok {
				cache = n
			}
		case e.sig == "link":
			return nil, nil, nil, fmt.Errorf("%s is a split index, which pyward cannot read: run `git update-index --no-split-index` (and unset core.splitIndex)", path)
		case e.sig == "sdir":
			return nil, nil, nil, fmt.Errorf("%s is a sparse index, which pyward cannot read: run `git sparse-checkout init --no-sparse-index` (or set index.sparse=false)", path)
		case e.sig[0] < 'A' || e.sig[0] > 'Z':
			required = append(required, e.sig)
		}
	}
	if len(required) > 0 {
		return nil, nil, nil, fmt.Errorf("%s: the index uses extensions %v that pyward cannot read", path, required)
	}
	return entries, cache, free, nil
}

// errCorruptIndex words every structural problem of an index file.
var errCorruptIndex = errors.New("the index file is corrupt (git status would say so too)")

// decodeIndex parses an index file (versions 2 to 4) per git's
// index-format documentation: header, entries, extensions, and a SHA-1 of
// all that, which is checked.
func decodeIndex(raw []byte) ([]Entry, []extension, error) {
	if len(raw) < 12+sha1.Size || string(raw[:4]) != "DIRC" {
		return nil, nil, errCorruptIndex
	}
	// The trailing SHA-1 is not checked, as git itself does not on read
	// (it costs more than the rest of reading a large index); the
	// structure is, so a damaged file is an error, not a partial list.
	end := len(raw) - sha1.Size
	version := binary.BigEndian.Uint32(raw[4:8])
	if version < 2 || version > 4 {
		return nil, nil, fmt.Errorf("index version %d is not supported (2 to 4 are)", version)
	}
	count := int(binary.BigEndian.Uint32(raw[8:12]))
	if count > (end-12)/(62+1) { // each entry takes at least 63 bytes
		return nil, nil, errCorruptIndex
	}
	entries := make([]Entry, 0, count)
	// Version 2 and 3 names are substrings of the file, which is never
	// modified once read: viewing it as a string costs no copy.
	names := unsafe.String(unsafe.SliceData(raw), len(raw))
	off := 12
	var prev []byte // v4 names are stored relative to the previous one
	for i := 0; i < count; i++ {
		start := off
		if off+62 > end {
			return nil, nil, errCorruptIndex
		}
		e := Entry{meta: (*[62]byte)(raw[off : off+62])}
		flags := binary.BigEndian.Uint16(raw[off+60 : off+62])
		off += 62
		if flags&0x4000 != 0 { // extended flags (version 3 and up)
			if version < 3 || off+2 > end {
				return nil, nil, errCorruptIndex
			}
			e.ext = binary.BigEndian.Uint16(raw[off : off+2])
			off += 2
		}
		if version == 4 {
			strip, n := indexVarint(raw[off:end])
			if n == 0 || strip > len(prev) {
				return nil, nil, errCorruptIndex
			}
			off += n
			nul := bytes.IndexByte(raw[off:end], 0)
			if nul < 0 {
				return nil, nil, errCorruptIndex
			}
			name := append(append(make([]byte, 0, len(prev)-strip+nul), prev[:len(prev)-strip]...), raw[off:off+nul]...)
			off += nul + 1
			prev = name
			e.Name = string(name)
		} else {
			nul := bytes.IndexByte(raw[off:end], 0)
			if nul < 0 {
				return nil, nil, errCorruptIndex
			}
			e.Name = names[off : off+nul]
			off += nul + 1
			for (off-start)%8 != 0 { // NUL padding to a multiple of 8
				off++
			}
			if off > end {
				return nil, nil, errCorruptIndex
			}
		}
		entries = append(entries, e)
	}
	var exts []extension
	for off+8 <= end {
		size := int(binary.BigEndian.Uint32(raw[off+4 : off+8]))
		if size < 0 || size > end-off-8 {
			return nil, nil, errCorruptIndex
		}
		exts = append(exts, extension{string(raw[off : off+4]), raw[off+8 : off+8+size]})
		off += 8 + size
	}
	if off != end {
		return nil, nil, errCorruptIndex
	}
	return entries, exts, nil
}

// indexVarint reads git's offset varint (index v4 name compression): the
// value and its length, 0 when malformed.
func indexVarint(b []byte) (int, int) {
	if len(b) == 0 {
		return 0, 0
	}
	c := b[0]
	val := int(c & 127)
	n := 1
	for c&128 != 0 {
		if n >= len(b) || n > 8 {
			return 0, 0
		}
		c = b[n]
		n++
		val = ((val + 1) << 7) | int(c&127)
	}
	return val, n
}

type extension struct {
	sig  string
	data []byte
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
