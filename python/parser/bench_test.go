package parser

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// stdlibSources reads every .py file of python3's standard library
// (site-packages excluded) into memory, or skips when there is no python3.
func stdlibSources(tb testing.TB) (paths []string, srcs [][]byte, total int64) {
	tb.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		tb.Skip("python3 not found: the standard-library benchmark reads its files")
	}
	out, err := exec.Command(py, "-c", `import sysconfig; print(sysconfig.get_paths()["stdlib"])`).Output()
	if err != nil {
		tb.Fatalf("python3: %v", err)
	}
	root := strings.TrimSpace(string(out))
	filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && (d.Name() == "site-packages" || d.Name() == "dist-packages") {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".py") {
			b, err := os.ReadFile(path)
			if err == nil {
				paths = append(paths, path)
				srcs = append(srcs, b)
				total += int64(len(b))
			}
		}
		return nil
	})
	return paths, srcs, total
}

// BenchmarkParseStdlib parses the whole standard library per iteration:
// decoding, tokenizing and building the tree. Run it on one core with
// -cpu=1 to compare with CPython's ast.parse (bench/parse.sh does both).
func BenchmarkParseStdlib(b *testing.B) {
	_, srcs, total := stdlibSources(b)
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, src := range srcs {
			ParseFile("", src)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(len(srcs)), "files/op")
}
