package rules

import (
	"regexp"
	"sync"
)

// lazyRE is a regular expression compiled on first use. The rules hold
// dozens; compiling them all when the package loads cost more than a
// millisecond of every run, most of which (a staged scan of a few files)
// never use most of them.
type lazyRE struct {
	once sync.Once
	src  string
	re   *regexp.Regexp
	// needs, when set, are words (lower case ASCII) one of which every
	// match holds, in any case: MatchString of an ASCII string without
	// one is false without running the expression. Case-insensitive
	// expressions have no literal prefix for package regexp to search
	// for, and the password and SQL ones are asked of every name and
	// string of a file.
	needs []string
	// run is the condition a keyword format's window must meet (see
	// valueRun), derived from src on first use.
	runOnce sync.Once
	run     valueRun
}

func lazyRegexp(src string) *lazyRE { return &lazyRE{src: src} }

// needing sets l's necessary words (see needs).
func (l *lazyRE) needing(words ...string) *lazyRE {
	l.needs = words
	return l
}

// lacksNeeded reports whether s is ASCII and holds none of l.needs in any
// case. Outside ASCII it cannot tell (the Kelvin sign matches k under
// (?i)) and says no.
func (l *lazyRE) lacksNeeded(s string) bool {
	if len(l.needs) == 0 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	for _, w := range l.needs {
		if containsFold(s, w) {
			return false
		}
	}
	return true
}

// containsFold reports whether the ASCII string s holds the lower-case
// word w in any case.
func containsFold(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		j := 0
		for ; j < len(w); j++ {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != w[j] {
				break
			}
		}
		if j == len(w) {
			return true
		}
	}
	return false
}

func (l *lazyRE) get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.src) })
	return l.re
}

func (l *lazyRE) MatchString(s string) bool {
	if l.lacksNeeded(s) {
		return false
	}
	return l.get().MatchString(s)
}

func (l *lazyRE) FindAllSubmatchIndex(b []byte, n int) [][]int {
	return l.get().FindAllSubmatchIndex(b, n)
}
