package rules

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/pyward/pyward/python/parser"
)

// BenchmarkSecretHint: the one pass over a file's text that finds which
// secret literals it holds, on the standard library's larger modules.
func BenchmarkSecretHint(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(stdlibDir(b), "*.py"))
	var srcs [][]byte
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err == nil {
			srcs = append(srcs, data)
			size += len(data)
		}
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, src := range srcs {
			c := &Context{File: &parser.File{Src: src}}
			c.secretHint(envLiteralsHint)
		}
	}
}
