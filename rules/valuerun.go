package rules

import (
	"regexp/syntax"
)

// A keyword format's expression runs at every place its keyword is, and
// most such places (the word "aws" in botocore, "key" anywhere) hold no
// token at all. valueRun is a necessary condition read off the
// expression itself: whatever a capture group matches is a run of at
// least min bytes, each from set. A window without such a run cannot
// match, and the backtracker is not started.
type valueRun struct {
	ok  bool // the condition could be derived
	min int
	set [256]bool
}

// runOf derives the condition from an expression's source: over its
// capture groups, the shortest match and the union of the ASCII bytes
// they can match. An expression whose groups can match any character, or
// a literal outside ASCII, gets none (ok false).
func runOf(src string) valueRun {
	re, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		return valueRun{}
	}
	r := valueRun{ok: true, min: -1}
	var captures func(*syntax.Regexp)
	captures = func(n *syntax.Regexp) {
		if n.Op == syntax.OpCapture {
			l, ok := minLen(n.Sub[0], &r.set)
			if !ok {
				r.ok = false
			}
			if r.min < 0 || l < r.min {
				r.min = l
			}
			return
		}
		for _, s := range n.Sub {
			captures(s)
		}
	}
	captures(re)
	if r.min <= 0 {
		r.ok = false
	}
	return r
}

// minLen is the shortest match of n in bytes (all ASCII), adding to set
// every byte n can match; ok is false when n can match a byte that is
// not ASCII or any byte at all.
func minLen(n *syntax.Regexp, set *[256]bool) (int, bool) {
	addRune := func(c rune) bool {
		if c >= 0x80 {
			return false
		}
		set[c] = true
		if n.Flags&syntax.FoldCase != 0 {
			for f := c; ; {
				f = rune(foldNext(f))
				if f == c {
					break
				}
				if f < 0x80 {
					set[f] = true
				}
			}
		}
		return true
	}
	switch n.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return 0, true
	case syntax.OpLiteral:
		for _, c := range n.Rune {
			if !addRune(c) {
				return 0, false
			}
		}
		return len(n.Rune), true
	case syntax.OpCharClass:
		// Under (?i) package regexp adds the Kelvin sign to [A-Za-z] and
		// the long s to [a-z]; no issuer puts them in a token, so they are
		// left out. Any other character outside ASCII (a negated class)
		// and there is no condition.
		for i := 0; i+1 < len(n.Rune); i += 2 {
			lo, hi := n.Rune[i], n.Rune[i+1]
			if lo >= 0x80 && lo == hi && (lo == 0x17f || lo == 0x212a) {
				continue
			}
			if hi >= 0x80 {
				return 0, false
			}
			for c := lo; c <= hi; c++ {
				set[c] = true
			}
		}
		return 1, true
	case syntax.OpCapture:
		return minLen(n.Sub[0], set)
	case syntax.OpStar, syntax.OpQuest:
		_, ok := minLen(n.Sub[0], set)
		return 0, ok
	case syntax.OpPlus:
		return minLen(n.Sub[0], set)
	case syntax.OpRepeat:
		l, ok := minLen(n.Sub[0], set)
		return l * n.Min, ok
	case syntax.OpConcat:
		total := 0
		for _, s := range n.Sub {
			l, ok := minLen(s, set)
			if !ok {
				return 0, false
			}
			total += l
		}
		return total, true
	case syntax.OpAlternate:
		least := -1
		for _, s := range n.Sub {
			l, ok := minLen(s, set)
			if !ok {
				return 0, false
			}
			if least < 0 || l < least {
				least = l
			}
		}
		return max(least, 0), true
	}
	return 0, false // any character, or an operator not handled: no condition
}

// foldNext is unicode.SimpleFold for ASCII letters (the expressions'
// (?i) parts are ASCII keywords).
func foldNext(c rune) rune {
	switch {
	case 'a' <= c && c <= 'z':
		return c - 'a' + 'A'
	case 'A' <= c && c <= 'Z':
		return c - 'A' + 'a'
	}
	return c
}

// holds reports whether w has a run of at least r.min bytes of r.set.
func (r *valueRun) holds(w []byte) bool {
	if !r.ok {
		return true
	}
	n := 0
	for _, b := range w {
		if r.set[b] {
			n++
			if n >= r.min {
				return true
			}
		} else {
			n = 0
		}
	}
	return false
}

// valueRun is runOf(l.src), derived once.
func (l *lazyRE) valueRun() *valueRun {
	l.runOnce.Do(func() { l.run = runOf(l.src) })
	return &l.run
}
