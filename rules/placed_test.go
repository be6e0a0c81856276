package rules

import (
	"math/rand"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pyward/pyward/python/parser"
)

// The formats run at the places of their literals (literalFirst) find
// the matches a search of the whole text finds: on random text made of
// their literals and the characters of their tokens, where matches touch,
// overlap and nest, and on their own flagged examples.
func TestPlacedMatchesAsWholeText(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	n := 0
	for i := range secretFormats {
		f := &secretFormats[i]
		src, ok := placed[f.re]
		if !ok {
			continue
		}
		n++
		whole := regexp.MustCompile(src)
		found := 0
		pieces := append([]string{"-", ".", " ", "'", "\n", "=", "eyJ", "0a", "f9", "AB", "Zz", "_", "ops_", "A3-"}, f.literals...)
		texts := []string{}
		for _, l := range f.literals {
			texts = append(texts, l, l+l)
		}
		// Tokens of each shape, alone, back to back, one inside another.
		tokens := []string{"A3-R7XK2L-M9QV4T-N8WB3-YC6ZD-1FG5H-J0KS2", "ops_eyJ" + strings.Repeat("aB3+/_-=", 16),
			"patRk7Lm2Qv9Tn4Wb.9f3a2c7e1b4d8065ae92c41f7b3d6e089f3a2c7e1b4d8065ae92c41f7b3d6e08"}
		for _, a := range tokens {
			for _, b := range tokens {
				texts = append(texts, a, a+b, "x='"+a+"' "+b, a[:len(a)/2]+b+a[len(a)/2:])
			}
		}
		for k := 0; k < 3000; k++ {
			var b []byte
			for j := r.Intn(120); j > 0; j-- {
				p := pieces[r.Intn(len(pieces))]
				if r.Intn(3) == 0 { // runs of token characters
					for m := r.Intn(70); m > 0; m-- {
						b = append(b, "0123456789abcdefABCDEFXYZ"[r.Intn(25)])
					}
				}
				b = append(b, p...)
			}
			texts = append(texts, string(b))
		}
		for _, text := range texts {
			c := &Context{File: &parser.File{Src: []byte(text)}}
			var got [][]int
			c.placedMatches(f, func(base int, ms [][]int) {
				for _, m := range ms {
					m = slices.Clone(m)
					for j := range m {
						if m[j] >= 0 {
							m[j] += base
						}
					}
					got = append(got, m)
				}
			})
			want := whole.FindAllSubmatchIndex([]byte(text), -1)
			found += len(want)
			if !slices.EqualFunc(got, want, slices.Equal[[]int]) {
				t.Fatalf("%s in %q: matches %v, want %v", f.rule, text, got, want)
			}
		}
		if found < 10 {
			t.Errorf("%s: %d matches in all the texts: too few to show anything", f.rule, found)
		}
	}
	if n < 2 {
		t.Fatalf("%d formats run at their literals' places, want at least 2", n)
	}
}
