package parser

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyward/pyward/internal/pyoracle"
	"github.com/pyward/pyward/python/ast"
	"github.com/pyward/pyward/python/token"
)

// The snippet test checks small programs, one construct each, against the
// machine's CPython: the dump must be identical, and an error must be
// raised where CPython raises one, on the same line with the same message.
// testdata/snippets.txt holds the programs, separated by lines "----".

// oracleScript prints, for each program read as JSON strings from stdin, a
// JSON object with CPython's dump or its error.
const oracleScript = `
import ast, json, sys
for line in sys.stdin:
    src = json.loads(line)
    try:
        d = ast.dump(ast.parse(src.encode("utf-8")), include_attributes=True)
        print(json.dumps({"dump": d}))
    except SyntaxError as e:
        print(json.dumps({"error": e.msg, "type": type(e).__name__, "line": e.lineno or 0, "col": e.offset or 0}))
    except Exception as e:
        print(json.dumps({"error": str(e), "type": type(e).__name__, "line": 0, "col": 0}))
    sys.stdout.flush()
`

type oracleAnswer struct {
	Dump  string `json:"dump"`
	Error string `json:"error"`
	Type  string `json:"type"`
	Line  int    `json:"line"`
	Col   int    `json:"col"`
}

// askCPython returns CPython's answer for each program, or skips the test
// when there is no python3.
func askCPython(t *testing.T, programs []string) []oracleAnswer {
	t.Helper()
	py := pyoracle.CPython311(t)
	var in strings.Builder
	for _, prog := range programs {
		b, _ := json.Marshal(prog)
		in.Write(b)
		in.WriteByte('\n')
	}
	cmd := exec.Command(py, "-c", oracleScript)
	cmd.Stdin = strings.NewReader(in.String())
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3 oracle failed: %v", err)
	}
	var answers []oracleAnswer
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var a oracleAnswer
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("oracle output: %v", err)
		}
		answers = append(answers, a)
	}
	if len(answers) != len(programs) {
		t.Fatalf("oracle answered %d of %d programs", len(answers), len(programs))
	}
	return answers
}

func readSnippets(t *testing.T, name string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n----\n")
}

func TestSnippetsAgainstCPython(t *testing.T) {
	progs := readSnippets(t, "snippets.txt")
	answers := askCPython(t, progs)
	for i, prog := range progs {
		want := answers[i]
		f, err := Parse([]byte(prog))
		if want.Error != "" {
			if err == nil {
				t.Errorf("program %d accepted, CPython says %s: %s (line %d)\n%s", i, want.Type, want.Error, want.Line, prog)
				continue
			}
			e := err.(*token.Error)
			if e.Msg != want.Error || e.Line != want.Line {
				t.Errorf("program %d: error %q on line %d, CPython: %q on line %d\n%s", i, e.Msg, e.Line, want.Error, want.Line, prog)
			}
			continue
		}
		if err != nil {
			t.Errorf("program %d rejected (%v), CPython accepts it:\n%s", i, err, prog)
			continue
		}
		if got := ast.Dump(f.Module, f.Tok); got != want.Dump {
			t.Errorf("program %d:\n%s\n got: %s\nwant: %s\n%s", i, prog, got, want.Dump, firstDiff(got, want.Dump))
		}
	}
}

// firstDiff shows where two dumps part.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(i-120, 0)
	return "first difference at byte " + itoa(i) + ":\n got: …" + a[lo:min(i+80, len(a))] + "\nwant: …" + b[lo:min(i+80, len(b))]
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	if n == 0 {
		return "0"
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}
