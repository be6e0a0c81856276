package main

import (
	"io"
	"os"
	"strings"
	"testing"
)

// BenchmarkScanStaged runs `pyward scan --staged` in-process on the
// repository named by PYWARD_BENCH_REPO (bench/staged.sh builds one of
// 20,000 files with 10 staged); it excludes process start-up.
func BenchmarkScanStaged(b *testing.B) {
	dir := os.Getenv("PYWARD_BENCH_REPO")
	if dir == "" {
		b.Skip("PYWARD_BENCH_REPO names the repository to benchmark (see bench/staged.sh)")
	}
	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	if err := os.Chdir(dir); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if code := run([]string{"pyward", "scan", "--staged", "--fail-on", "never"}, strings.NewReader(""), io.Discard, io.Discard); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}
