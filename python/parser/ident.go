package parser

import (
	"github.com/pyward/pyward/python/token"
	"golang.org/x/text/unicode/norm"
)

// identifier returns the name a NAME token spells. Non-ASCII names are
// NFKC-normalised, as CPython does (PEP 3131): `ﬁle` and `file` are the
// same name.
func (p *parser) identifier(t token.Token) string {
	b := p.src[t.Start:t.End]
	// Interning: a file repeats its names many times, and a map lookup
	// keyed by string(b) does not allocate.
	if s, ok := p.names[string(b)]; ok {
		return s
	}
	s := string(b)
	for _, c := range b {
		if c >= 0x80 {
			s = norm.NFKC.String(s)
			break
		}
	}
	if p.names == nil {
		p.names = make(map[string]string, 256)
	}
	p.names[string(b)] = s
	return s
}
