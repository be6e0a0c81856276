package parser

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyward/pyward/internal/pyoracle"
	"github.com/pyward/pyward/python/ast"
	"github.com/pyward/pyward/python/token"
)

// stdlibScript dumps each file named on stdin, one record per file:
// a JSON header line, then (for a parsed file) the dump's length in bytes on
// a line of its own and the dump itself. Records stream, so the several
// hundred megabytes of dumps are never held at once on either side.
const stdlibScript = `
import ast, json, sys
out = sys.stdout.buffer
for line in sys.stdin:
    path = line.rstrip("\n")
    with open(path, "rb") as f:
        raw = f.read()
    try:
        d = ast.dump(ast.parse(raw), include_attributes=True).encode("utf-8", "surrogatepass")
    except SyntaxError as e:
        out.write(json.dumps({"error": e.msg, "type": type(e).__name__, "line": e.lineno or 0}).encode() + b"\n")
        continue
    except Exception as e:
        out.write(json.dumps({"error": str(e), "type": type(e).__name__, "line": 0}).encode() + b"\n")
        continue
    out.write(b'{}\n' + str(len(d)).encode() + b"\n" + d)
    out.flush()
`

// knownDifferences lists the files whose dump may differ from CPython 3.11's
// and why. Only position quirks of 3.11 inside f-strings may be listed here.
var knownDifferences = map[string]string{}

// TestStdlibOracle parses every .py file of the machine's standard library
// and requires the same tree, positions included, as CPython's ast.parse,
// and a rejection wherever CPython rejects.
func TestStdlibOracle(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the standard-library oracle takes a minute")
	}
	py := pyoracle.CPython311(t)
	paths, srcs, _ := stdlibSources(t)
	runOracle(t, py, paths, srcs)
}

// TestExtraOracle runs the same comparison over every .py file below the
// folders listed in PYWARD_ORACLE_DIRS (colon-separated), for corpora that
// differ from machine to machine, such as site-packages.
func TestExtraOracle(t *testing.T) {
	dirs := os.Getenv("PYWARD_ORACLE_DIRS")
	if dirs == "" {
		t.Skip("set PYWARD_ORACLE_DIRS=dir1:dir2 to compare with CPython on more code")
	}
	py := pyoracle.CPython311(t)
	var paths []string
	var srcs [][]byte
	for _, dir := range filepath.SplitList(dirs) {
		filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".py") {
				if b, err := os.ReadFile(path); err == nil {
					paths, srcs = append(paths, path), append(srcs, b)
				}
			}
			return nil
		})
	}
	runOracle(t, py, paths, srcs)
}

func runOracle(t *testing.T, py string, paths []string, srcs [][]byte) {
	cmd := exec.Command(py, "-c", stdlibScript)
	cmd.Stdin = strings.NewReader(strings.Join(paths, "\n") + "\n")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReaderSize(stdout, 1<<20)
	var failures, rejected, known int
	for i, path := range paths {
		header, err := r.ReadBytes('\n')
		if err != nil {
			t.Fatalf("oracle stopped before %s: %v", path, err)
		}
		var h struct {
			Error, Type string
			Line        int
		}
		if err := json.Unmarshal(header, &h); err != nil {
			t.Fatalf("oracle header %q: %v", header, err)
		}
		var want string
		if h.Type == "" {
			var n int
			if _, err := fmt.Fscanf(r, "%d\n", &n); err != nil {
				t.Fatalf("oracle length for %s: %v", path, err)
			}
			buf := make([]byte, n)
			if _, err := io.ReadFull(r, buf); err != nil {
				t.Fatalf("oracle dump for %s: %v", path, err)
			}
			want = string(buf)
		}
		f, perr := ParseFile(path, srcs[i])
		rel := strings.TrimPrefix(path, stdlibRoot(path))
		switch {
		case h.Type != "":
			rejected++
			if perr == nil {
				failures++
				t.Errorf("%s: accepted, CPython rejects it: %s: %s (line %d)", rel, h.Type, h.Error, h.Line)
				continue
			}
			e := perr.(*token.Error)
			if e.Line != h.Line {
				t.Logf("%s: rejected on line %d (%s), CPython on line %d (%s)", rel, e.Line, e.Msg, h.Line, h.Error)
			}
		case perr != nil:
			failures++
			t.Errorf("%s: rejected (%v), CPython accepts it", rel, perr)
		default:
			got := ast.Dump(f.Module, f.Tok)
			// The next files are parsed into this one's cleared arrays
			// (as a scan does): their trees must come out the same.
			f.Release()
			if f.Module != nil {
				t.Fatalf("%s: Module kept after Release", rel)
			}
			if got == want {
				continue
			}
			if why, ok := knownDifferences[rel]; ok {
				known++
				t.Logf("%s: known difference: %s", rel, why)
				continue
			}
			failures++
			t.Errorf("%s: dump differs\n%s", rel, firstDiff(got, want))
		}
		if failures > 40 {
			t.Fatal("too many failures")
		}
	}
	cmd.Wait()
	t.Logf("%d files, %d rejected by CPython, %d known differences, %d failures", len(paths), rejected, known, failures)
}

// stdlibRoot returns the prefix up to and including ".../pythonX.Y/".
func stdlibRoot(path string) string {
	i := strings.Index(path, "/lib/python3")
	if i < 0 {
		return ""
	}
	j := strings.IndexByte(path[i+len("/lib/python3"):], '/')
	return path[:i+len("/lib/python3")+j+1]
}
