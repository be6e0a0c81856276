package parser

import (
	"sync"

	"github.com/pyward/pyward/python/token"
	"golang.org/x/text/unicode/norm"
)

// identifier returns the name a NAME token spells. Non-ASCII names are
// NFKC-normalised, as CPython does (PEP 3131): `ﬁle` and `file` are the
// same name.
func (p *parser) identifier(t token.Token) string {
	b := p.src[t.Start:t.End]
	if p.names == nil {
		p.names = namePool.Get().(*nameCache)
	}
	e := &p.names[nameSlot(b)]
	if e.raw == string(b) { // compares without allocating
		return e.name
	}
	s := string(b)
	name := s
	for _, c := range b {
		if c >= 0x80 {
			name = norm.NFKC.String(s)
			break
		}
	}
	*e = nameEntry{raw: s, name: name}
	return name
}

// Interning: a file repeats its names many times, and so do the files of
// a scan (self, os, path, …). A direct-mapped cache, kept between parses,
// finds a name again in one hash of its bytes and one comparison; a
// collision only costs a fresh string. It was a map per file, whose
// hashing and growth took 4% of a scan.
const nameSlots = 1 << 11

type nameEntry struct{ raw, name string }

type nameCache [nameSlots]nameEntry

var namePool = sync.Pool{New: func() any { return new(nameCache) }}

// nameSlot is the cache slot of a name's bytes (FNV-1a).
func nameSlot(b []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range b {
		h = (h ^ uint32(c)) * 16777619
	}
	return (h ^ h>>16) & (nameSlots - 1)
}

// releaseNames returns the cache to the pool at the end of a parse.
func (p *parser) releaseNames() {
	if p.names != nil {
		namePool.Put(p.names)
		p.names = nil
	}
}
