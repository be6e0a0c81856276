package rules

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyward/pyward/python/parser"
)

// BenchmarkRulesStdlib runs every rule over the parsed standard library
// (parsing is outside the timing): the cost of the catalog itself, which
// rule dispatch keeps from growing with the number of rules.
func BenchmarkRulesStdlib(b *testing.B) {
	files := parsedStdlib(b)
	set := NewSet(All())
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, f := range files {
			fds := set.Run(f, nil)
			Suppress(f, fds, ParseSuppressions(f))
		}
	}
	b.ReportMetric(float64(len(files)), "files/op")
}

// stdlibDir is the machine's standard library, which the benchmarks
// read; they skip without python3.
func stdlibDir(tb testing.TB) string {
	out, err := exec.Command("python3", "-c", `import sysconfig; print(sysconfig.get_paths()["stdlib"])`).Output()
	if err != nil {
		tb.Skip("python3 not found: the benchmark reads its standard library")
	}
	return strings.TrimSpace(string(out))
}

// parsedStdlib is every .py file of the standard library that parses
// (site-packages excluded).
func parsedStdlib(tb testing.TB) []*parser.File {
	var files []*parser.File
	filepath.WalkDir(stdlibDir(tb), func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && (d.Name() == "site-packages" || d.Name() == "dist-packages") {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".py") {
			if src, err := os.ReadFile(path); err == nil {
				if f, err := parser.ParseFile(path, src); err == nil {
					files = append(files, f)
				}
			}
		}
		return nil
	})
	return files
}
