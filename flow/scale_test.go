package flow

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pyward/pyward/python/parser"
)

// program is a module of n functions in chains of depth: each function
// of a chain passes its parameter, through a string built around it, to
// the next; the last of each chain reaches os.system; every chain is
// started with input(). Its size grows linearly with n.
func program(n, depth int) string {
	var b strings.Builder
	b.WriteString("import os\n\n")
	for i := 0; i < n; i++ {
		if i%depth == depth-1 || i == n-1 {
			fmt.Fprintf(&b, "def f%d(x):\n    cmd = \"run \" + x\n    os.system(cmd)\n    return cmd\n\n", i)
			continue
		}
		fmt.Fprintf(&b, "def f%d(x):\n    y = \"%%s-%d\" %% x\n    return f%d(y)\n\n", i, i, i+1)
	}
	for i := 0; i < n; i += depth {
		fmt.Fprintf(&b, "f%d(input())\n", i)
	}
	return b.String()
}

// The analysis of a 10,000-function module with chains 200 deep follows
// every chain to its sink (and returns: a chain is summarised from its
// end, not by recursion 10,000 calls deep).
func TestLargeModuleOfDeepChains(t *testing.T) {
	const n, depth = 10000, 200
	f, err := parser.Parse([]byte(program(n, depth)))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := commandEvents(Analyze(f.Module, testHost{}, nil, Options{})), n/depth; got != want {
		t.Errorf("%d command events, want %d (one per chain)", got, want)
	}
}

// BenchmarkFlowScaling analyses modules from 10 to 10,000 functions in
// chains 50 deep: the time per byte (MB/s) should not fall as the module
// grows. bench/flowscale.sh prints it per size.
func BenchmarkFlowScaling(b *testing.B) {
	for _, n := range []int{10, 100, 1000, 10000} {
		src := []byte(program(n, 50))
		f, err := parser.Parse(src)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("functions=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for i := 0; i < b.N; i++ {
				Analyze(f.Module, testHost{}, nil, Options{})
			}
		})
	}
}
