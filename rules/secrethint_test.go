package rules

import (
	"bytes"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"github.com/pyward/pyward/python/parser"
)

// TestSecretHintFindsEveryLiteral: the one-pass scan (with its filter on
// three bytes) finds exactly the literals a plain search finds, on the
// standard library's modules and on random text made of the literals'
// own bytes, where near-misses are many.
func TestSecretHintFindsEveryLiteral(t *testing.T) {
	var srcs [][]byte
	if _, err := exec.LookPath("python3"); err == nil {
		files, _ := filepath.Glob(filepath.Join(stdlibDir(t), "*.py"))
		for _, f := range files {
			if data, err := os.ReadFile(f); err == nil {
				srcs = append(srcs, data)
			}
		}
	}
	var alphabet []byte
	for _, l := range hintLiterals {
		alphabet = append(alphabet, l...)
	}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 2000; i++ {
		b := make([]byte, r.Intn(64))
		for j := range b {
			b[j] = alphabet[r.Intn(len(alphabet))]
		}
		if r.Intn(2) == 0 && len(b) > 0 {
			l := hintLiterals[r.Intn(len(hintLiterals))]
			at := r.Intn(len(b))
			b = append(b[:at], append([]byte(l), b[at:]...)...)
		}
		srcs = append(srcs, b)
	}
	// Overlapping literals: a search resumes after each match.
	srcs = append(srcs, []byte("xoxoxox AWSAWS awsaws"), []byte("SKSKSK"))
	each := make([]*hint, len(hintLiterals)) // a hint of each literal alone
	for n, l := range hintLiterals {
		each[n] = newHint([]string{l})
	}
	for _, src := range srcs {
		c := &Context{File: &parser.File{Src: src}}
		c.secretHint(envLiteralsHint)
		for n, l := range hintLiterals {
			if want := bytes.Contains(src, []byte(l)); c.secretFound[n] != want {
				t.Fatalf("literal %q in %.80q: found %v, want %v", l, src, c.secretFound[n], want)
			}
			// The places it is are those a search of the text finds.
			var got, want []int
			c.eachLiteral(each[n], 0, func(i int) { got = append(got, i) })
			eachIndex(src, l, func(i int) { want = append(want, i) })
			if !slices.Equal(got, want) {
				t.Fatalf("literal %q in %.80q: at %v, want %v", l, src, got, want)
			}
		}
	}
}
