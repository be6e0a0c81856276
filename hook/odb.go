package hook

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// objectDB reads objects from a repository's object folders: loose
// objects, then packs, then alternates. It implements go-git's object
// storer interface for reading, so that go-git's commit and tree decoding,
// merge-base and tree diff run on it; it never writes.
//
// It exists for speed: go-git's own storage decodes a pack's whole .idx
// file (and checksums it with collision detection) before the first
// lookup, and builds an offset map for delta bases, which dominated a
// staged scan of a large repository. Here an .idx is read once and
// binary-searched in place, and delta bases are found by offset directly.
type objectDB struct {
	dirs []string // objects folders: the repository's, then alternates

	once  sync.Once
	packs []*pack
	perr  error

	mu    sync.Mutex
	cache map[plumbing.Hash]cachedObject // trees and commits read once per run
}

type cachedObject struct {
	typ  plumbing.ObjectType
	data []byte
}

// errReadOnly is what the storer's writing methods return.
var errReadOnly = errors.New("pyward reads repositories and never writes objects")

func newObjectDB(objectsDir string) *objectDB {
	db := &objectDB{dirs: []string{objectsDir}, cache: map[plumbing.Hash]cachedObject{}}
	// objects/info/alternates: one objects folder per line, relative to
	// this one when not absolute (git clone --shared, --reference).
	if b, err := os.ReadFile(filepath.Join(objectsDir, "info", "alternates")); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			line = strings.TrimSpace(line)
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			if !filepath.IsAbs(line) {
				line = filepath.Join(objectsDir, line)
			}
			db.dirs = append(db.dirs, filepath.Clean(line))
		}
	}
	return db
}

// read returns an object's type and content.
func (db *objectDB) read(h plumbing.Hash) (plumbing.ObjectType, []byte, error) {
	db.mu.Lock()
	c, ok := db.cache[h]
	db.mu.Unlock()
	if ok {
		return c.typ, c.data, nil
	}
	typ, data, err := db.readUncached(h)
	if err == nil && (typ == plumbing.TreeObject || typ == plumbing.CommitObject) {
		db.mu.Lock()
		db.cache[h] = cachedObject{typ, data}
		db.mu.Unlock()
	}
	return typ, data, err
}

func (db *objectDB) readUncached(h plumbing.Hash) (plumbing.ObjectType, []byte, error) {
	hex := h.String()
	for _, dir := range db.dirs {
		f, err := os.Open(filepath.Join(dir, hex[:2], hex[2:]))
		if err != nil {
			continue
		}
		typ, data, err := readLoose(f)
		f.Close()
		if err != nil {
			return 0, nil, fmt.Errorf("object %s: %w", hex, err)
		}
		return typ, data, nil
	}
	packs, err := db.loadPacks()
	if err != nil {
		return 0, nil, err
	}
	for _, p := range packs {
		if off, ok := p.find(h); ok {
			typ, data, err := p.readAt(db, off, 0)
			if err != nil {
				return 0, nil, fmt.Errorf("object %s in %s: %w", hex, filepath.Base(p.path), err)
			}
			return typ, data, nil
		}
	}
	return 0, nil, plumbing.ErrObjectNotFound
}

// zlibReaders keeps inflaters for reuse: each one holds a 32 KiB window,
// which would otherwise be allocated for every object read.
var zlibReaders sync.Pool

// newInflater returns a zlib reader over r from the pool; put it back
// with zlibReaders.Put when done.
func newInflater(r io.Reader) (io.ReadCloser, error) {
	br := bufio.NewReaderSize(r, 512)
	if zr, ok := zlibReaders.Get().(io.ReadCloser); ok {
		if err := zr.(zlib.Resetter).Reset(br, nil); err != nil {
			return nil, err
		}
		return zr, nil
	}
	return zlib.NewReader(br)
}

// readLoose inflates a loose object: "TYPE SIZE\0CONTENT".
func readLoose(r io.Reader) (plumbing.ObjectType, []byte, error) {
	zr, err := newInflater(r)
	if err != nil {
		return 0, nil, err
	}
	defer zlibReaders.Put(zr)
	all, err := io.ReadAll(io.LimitReader(zr, maxObjectSize+64))
	if err != nil {
		return 0, nil, err
	}
	if len(all) > maxObjectSize {
		return 0, nil, fmt.Errorf("object larger than pyward reads (%d bytes)", maxObjectSize)
	}
	nul := bytes.IndexByte(all, 0)
	if nul < 0 {
		return 0, nil, errors.New("malformed loose object header")
	}
	kind, sizeStr, ok := strings.Cut(string(all[:nul]), " ")
	size, err := strconv.Atoi(sizeStr)
	typ, terr := plumbing.ParseObjectType(kind)
	if !ok || err != nil || terr != nil || size != len(all)-nul-1 {
		return 0, nil, errors.New("malformed loose object header")
	}
	return typ, all[nul+1:], nil
}

// loadPacks reads every pack's .idx once.
func (db *objectDB) loadPacks() ([]*pack, error) {
	db.once.Do(func() {
		for _, dir := range db.dirs {
			names, _ := filepath.Glob(filepath.Join(dir, "pack", "pack-*.idx"))
			sort.Strings(names)
			for _, idx := range names {
				p, err := openPack(idx)
				if err != nil {
					db.perr = err
					return
				}
				db.packs = append(db.packs, p)
			}
		}
	})
	return db.packs, db.perr
}

// pack is one packfile and its version-2 index. Only the index's fanout
// table is read up front; a lookup reads the run of names that share the
// hash's first byte and then one offset, so opening a pack of any size
// costs two small reads.
type pack struct {
	path   string
	idx    *os.File
	fanout [256]uint32
	count  int
	file   *os.File
}

const idxHeader = 8 // magic and version, before the fanout table

func openPack(idxPath string) (*pack, error) {
	f, err := os.Open(idxPath)
	if err != nil {
		return nil, err
	}
	var head [idxHeader + 256*4]byte
	if _, err := io.ReadFull(f, head[:]); err != nil || !bytes.Equal(head[:4], []byte("\377tOc")) || binary.BigEndian.Uint32(head[4:8]) != 2 {
		f.Close()
		return nil, fmt.Errorf("%s: not a version-2 pack index (repack with a current git)", idxPath)
	}
	p := &pack{path: strings.TrimSuffix(idxPath, ".idx") + ".pack", idx: f}
	for i := range p.fanout {
		p.fanout[i] = binary.BigEndian.Uint32(head[idxHeader+i*4:])
	}
	p.count = int(p.fanout[255])
	if st, err := f.Stat(); err != nil || st.Size() < int64(idxHeader+256*4+p.count*(20+4+4)+40) {
		f.Close()
		return nil, fmt.Errorf("%s: truncated pack index", idxPath)
	}
	if p.file, err = os.Open(p.path); err != nil {
		f.Close()
		return nil, err
	}
	return p, nil
}

// find looks h up in the index and returns its pack offset.
func (p *pack) find(h plumbing.Hash) (int64, bool) {
	lo := 0
	if h[0] > 0 {
		lo = int(p.fanout[h[0]-1])
	}
	hi := int(p.fanout[h[0]])
	if hi <= lo {
		return 0, false
	}
	namesAt := int64(idxHeader + 256*4)
	run := make([]byte, (hi-lo)*20)
	if _, err := p.idx.ReadAt(run, namesAt+int64(lo)*20); err != nil {
		return 0, false
	}
	k := sort.Search(hi-lo, func(k int) bool { return bytes.Compare(run[k*20:k*20+20], h[:]) >= 0 })
	if k >= hi-lo || !bytes.Equal(run[k*20:k*20+20], h[:]) {
		return 0, false
	}
	i := int64(lo + k)
	offsetsAt := namesAt + int64(p.count)*(20+4)
	var b [8]byte
	if _, err := p.idx.ReadAt(b[:4], offsetsAt+i*4); err != nil {
		return 0, false
	}
	off := binary.BigEndian.Uint32(b[:4])
	if off&0x80000000 == 0 {
		return int64(off), true
	}
	large := offsetsAt + int64(p.count)*4 + int64(off&^0x80000000)*8
	if _, err := p.idx.ReadAt(b[:], large); err != nil {
		return 0, false
	}
	return int64(binary.BigEndian.Uint64(b[:])), true
}

// Pack object types.
const (
	packOfsDelta = 6
	packRefDelta = 7
)

// maxDeltaChain bounds delta resolution (git's default depth is 50).
const maxDeltaChain = 10000

// maxObjectSize bounds an object pyward reads: a header that claims more
// is refused rather than allocated (files over 16 MiB are not scanned
// anyway).
const maxObjectSize = 256 << 20

// readAt reads the object at off, resolving deltas.
func (p *pack) readAt(db *objectDB, off int64, depth int) (plumbing.ObjectType, []byte, error) {
	if depth > maxDeltaChain {
		return 0, nil, errors.New("delta chain too long")
	}
	var hdr [32]byte
	n, err := p.file.ReadAt(hdr[:], off)
	if n == 0 {
		return 0, nil, fmt.Errorf("reading at %d: %v", off, err)
	}
	b := hdr[:n]
	c := b[0]
	typ := int(c>>4) & 7
	size := int64(c & 15)
	shift := 4
	i := 1
	for c&0x80 != 0 {
		if i >= len(b) || shift > 56 {
			return 0, nil, errors.New("malformed object header")
		}
		c = b[i]
		i++
		size |= int64(c&0x7f) << shift
		shift += 7
	}
	var base []byte
	var baseType plumbing.ObjectType
	switch typ {
	case packOfsDelta:
		if i >= len(b) {
			return 0, nil, errors.New("malformed delta offset")
		}
		c = b[i]
		i++
		rel := int64(c & 127)
		for c&0x80 != 0 {
			if i >= len(b) {
				return 0, nil, errors.New("malformed delta offset")
			}
			c = b[i]
			i++
			rel = ((rel + 1) << 7) | int64(c&127)
		}
		if rel <= 0 || rel > off {
			return 0, nil, errors.New("delta base offset out of range")
		}
		if baseType, base, err = p.readAt(db, off-rel, depth+1); err != nil {
			return 0, nil, err
		}
	case packRefDelta:
		if i+20 > len(b) {
			return 0, nil, errors.New("malformed delta reference")
		}
		var ref plumbing.Hash
		copy(ref[:], b[i:i+20])
		i += 20
		if baseType, base, err = db.read(ref); err != nil {
			return 0, nil, fmt.Errorf("delta base %s: %w", ref, err)
		}
	case 1, 2, 3, 4:
	default:
		return 0, nil, fmt.Errorf("unknown pack object type %d", typ)
	}
	data, err := inflate(io.NewSectionReader(p.file, off+int64(i), 1<<62), size)
	if err != nil {
		return 0, nil, err
	}
	if base == nil {
		return plumbing.ObjectType(typ), data, nil
	}
	out, err := applyDelta(base, data)
	return baseType, out, err
}

// inflate reads a zlib stream whose content must be size bytes.
func inflate(r io.Reader, size int64) ([]byte, error) {
	if size > maxObjectSize {
		return nil, fmt.Errorf("object of %d bytes is larger than pyward reads (%d)", size, maxObjectSize)
	}
	zr, err := newInflater(r)
	if err != nil {
		return nil, err
	}
	defer zlibReaders.Put(zr)
	out := make([]byte, size)
	if _, err := io.ReadFull(zr, out); err != nil {
		return nil, fmt.Errorf("inflating: %w", err)
	}
	return out, nil
}

// applyDelta rebuilds an object from its base and a git delta: the two
// sizes, then copy-from-base and insert instructions.
func applyDelta(base, delta []byte) ([]byte, error) {
	bad := errors.New("malformed delta")
	varint := func() (int, bool) {
		v, shift := 0, 0
		for {
			if len(delta) == 0 || shift > 56 {
				return 0, false
			}
			c := delta[0]
			delta = delta[1:]
			v |= int(c&0x7f) << shift
			shift += 7
			if c&0x80 == 0 {
				return v, true
			}
		}
	}
	baseSize, ok1 := varint()
	size, ok2 := varint()
	if !ok1 || !ok2 || baseSize != len(base) || size > maxObjectSize {
		return nil, bad
	}
	// The announced size is not trusted for the allocation: the result
	// grows as instructions produce it, and must end at that size.
	out := make([]byte, 0, min(size, 1<<20))
	for len(delta) > 0 {
		op := delta[0]
		delta = delta[1:]
		if op&0x80 != 0 {
			var off, n int
			for k := 0; k < 4; k++ {
				if op&(1<<k) != 0 {
					if len(delta) == 0 {
						return nil, bad
					}
					off |= int(delta[0]) << (8 * k)
					delta = delta[1:]
				}
			}
			for k := 0; k < 3; k++ {
				if op&(0x10<<k) != 0 {
					if len(delta) == 0 {
						return nil, bad
					}
					n |= int(delta[0]) << (8 * k)
					delta = delta[1:]
				}
			}
			if n == 0 {
				n = 0x10000
			}
			if off+n > len(base) || off < 0 || len(out)+n > size {
				return nil, bad
			}
			out = append(out, base[off:off+n]...)
		} else if op != 0 {
			if int(op) > len(delta) || len(out)+int(op) > size {
				return nil, bad
			}
			out = append(out, delta[:op]...)
			delta = delta[op:]
		} else {
			return nil, bad
		}
	}
	if len(out) != size {
		return nil, bad
	}
	return out, nil
}

// hashesWithPrefix lists the objects whose name starts with the hex
// prefix (for short revisions).
func (db *objectDB) hashesWithPrefix(prefix string) []plumbing.Hash {
	seen := map[plumbing.Hash]bool{}
	var out []plumbing.Hash
	add := func(h plumbing.Hash) {
		if !seen[h] {
			seen[h] = true
			out = append(out, h)
		}
	}
	for _, dir := range db.dirs {
		ents, _ := os.ReadDir(filepath.Join(dir, prefix[:2]))
		for _, e := range ents {
			if name := prefix[:2] + e.Name(); len(name) == 40 && strings.HasPrefix(name, prefix) {
				add(plumbing.NewHash(name))
			}
		}
	}
	packs, _ := db.loadPacks()
	for _, p := range packs {
		names := make([]byte, p.count*20)
		if _, err := p.idx.ReadAt(names, idxHeader+256*4); err != nil {
			continue
		}
		for i := 0; i < p.count; i++ {
			var h plumbing.Hash
			copy(h[:], names[i*20:])
			if strings.HasPrefix(h.String(), prefix) {
				add(h)
			}
		}
	}
	return out
}

// The storer interface, for go-git's object decoding.

func (db *objectDB) EncodedObject(t plumbing.ObjectType, h plumbing.Hash) (plumbing.EncodedObject, error) {
	typ, data, err := db.read(h)
	if err != nil {
		return nil, err
	}
	if t != plumbing.AnyObject && t != typ {
		return nil, plumbing.ErrObjectNotFound
	}
	o := &plumbing.MemoryObject{}
	o.SetType(typ)
	o.SetSize(int64(len(data)))
	if _, err := o.Write(data); err != nil {
		return nil, err
	}
	return o, nil
}

func (db *objectDB) HasEncodedObject(h plumbing.Hash) error {
	_, _, err := db.read(h)
	return err
}

func (db *objectDB) EncodedObjectSize(h plumbing.Hash) (int64, error) {
	_, data, err := db.read(h)
	return int64(len(data)), err
}

func (db *objectDB) NewEncodedObject() plumbing.EncodedObject { return &plumbing.MemoryObject{} }

func (db *objectDB) SetEncodedObject(plumbing.EncodedObject) (plumbing.Hash, error) {
	return plumbing.ZeroHash, errReadOnly
}

func (db *objectDB) IterEncodedObjects(plumbing.ObjectType) (storer.EncodedObjectIter, error) {
	return nil, errors.New("listing every object is not supported")
}

func (db *objectDB) AddAlternate(string) error { return errReadOnly }
