package assess

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyward/pyward/config"
)

// BenchmarkAssessTree assesses every .py file below $PYWARD_BENCH_DIR (for
// example a site-packages folder) under the default configuration, for
// profiling the whole pipeline without the command line around it.
func BenchmarkAssessTree(b *testing.B) {
	dir := os.Getenv("PYWARD_BENCH_DIR")
	if dir == "" {
		b.Skip("set PYWARD_BENCH_DIR to a folder of Python files")
	}
	var inputs []Input
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".py") {
			if data, err := os.ReadFile(p); err == nil {
				inputs = append(inputs, Input{Path: p, Data: data})
			}
		}
		return nil
	})
	a, err := New(config.Default())
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		in := make([]Input, len(inputs))
		copy(in, inputs)
		a.Run(in, 0)
	}
}
