package hook

import (
	"os"
	"testing"
)

// BenchmarkStaged lists the staged files of the repository named by
// PYWARD_BENCH_REPO (bench/staged.sh builds one of 20,000 files).
func BenchmarkStaged(b *testing.B) {
	dir := os.Getenv("PYWARD_BENCH_REPO")
	if dir == "" {
		b.Skip("PYWARD_BENCH_REPO names the repository to benchmark (see bench/staged.sh)")
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		r, err := Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		files, _, err := r.Staged()
		if err != nil {
			b.Fatal(err)
		}
		for _, f := range files {
			if _, err := r.Read(f.Hash); err != nil {
				b.Fatal(err)
			}
		}
	}
}
