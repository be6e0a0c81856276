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
}

func lazyRegexp(src string) *lazyRE { return &lazyRE{src: src} }

func (l *lazyRE) get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.src) })
	return l.re
}

func (l *lazyRE) MatchString(s string) bool { return l.get().MatchString(s) }

func (l *lazyRE) FindAllSubmatchIndex(b []byte, n int) [][]int {
	return l.get().FindAllSubmatchIndex(b, n)
}
