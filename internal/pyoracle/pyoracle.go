// Package pyoracle runs the CPython that tests use as their oracle: it
// finds python3, lists its standard library and streams ast.dump output for
// many files from one interpreter process.
//
// Only tests import it. pyward itself never runs python3 or any other
// interpreter, and nothing outside _test.go files may import this package.
package pyoracle

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// Python returns the path of python3, or skips the test when there is none.
// Use it where any CPython serves (listing files, decoding); use CPython311
// where pyward's dump is compared with CPython's.
func Python(t testing.TB) string {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: this test uses CPython as its oracle (apt-get install python3)")
	}
	return py
}

// CPython311 returns the path of python3, or skips the test when there is
// none or when it is not CPython 3.11: pyward's dump follows 3.11's shape
// and positions (f-strings changed in 3.12), so another version is no
// oracle for it.
func CPython311(t testing.TB) string {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: the CPython oracle tests need CPython 3.11 (apt-get install python3 on Debian 12)")
	}
	out, err := exec.Command(py, "-c", "import sys; print(sys.implementation.name, *sys.version_info[:2])").Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	if v := strings.TrimSpace(string(out)); v != "cpython 3 11" {
		t.Skipf("python3 is %q: the oracle tests compare with CPython 3.11's ast.dump, whose shape pyward's dump follows", v)
	}
	return py
}

var stdlib struct {
	once  sync.Once
	root  string
	files []string
	err   error
}

// Stdlib returns the folder of python3's standard library and every .py
// file below it, relative to that folder, slash-separated and sorted.
// Folders named site-packages and dist-packages (third-party code) are left
// out. The test is skipped when python3 is absent.
func Stdlib(t testing.TB) (root string, files []string) {
	t.Helper()
	py := Python(t)
	stdlib.once.Do(func() {
		out, err := exec.Command(py, "-c", `import sysconfig; print(sysconfig.get_paths()["stdlib"])`).Output()
		if err != nil {
			stdlib.err = fmt.Errorf("python3 could not name its standard library: %v", err)
			return
		}
		stdlib.root = strings.TrimSpace(string(out))
		stdlib.err = filepath.WalkDir(stdlib.root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && (d.Name() == "site-packages" || d.Name() == "dist-packages") {
				return filepath.SkipDir
			}
			if d.Type().IsRegular() && strings.HasSuffix(d.Name(), ".py") {
				rel, _ := filepath.Rel(stdlib.root, path)
				stdlib.files = append(stdlib.files, filepath.ToSlash(rel))
			}
			return nil
		})
		sort.Strings(stdlib.files)
	})
	if stdlib.err != nil {
		t.Fatalf("listing the standard library: %v", stdlib.err)
	}
	if len(stdlib.files) == 0 {
		t.Fatalf("no .py files below %s", stdlib.root)
	}
	return stdlib.root, append([]string(nil), stdlib.files...)
}

// dumpScript reads NUL-separated paths on stdin and writes one record per
// path: a line "D <n>" or "E <n>", then n bytes: the dump in UTF-8, or a
// JSON object describing the exception ast.parse raised. Records are
// flushed one by one, so neither side ever holds more than one dump.
const dumpScript = `
import ast, json, sys
out = sys.stdout.buffer
for path in sys.stdin.buffer.read().split(b"\0"):
    if not path:
        continue
    with open(path, "rb") as f:
        raw = f.read()
    try:
        body = ast.dump(ast.parse(raw), include_attributes=True).encode("utf-8", "surrogatepass")
        kind = b"D"
    except BaseException as e:
        if isinstance(e, (KeyboardInterrupt, SystemExit)):
            raise
        if isinstance(e, SyntaxError):
            msg, line, col = e.msg, e.lineno, e.offset
        else:
            msg, line, col = str(e), 0, 0
        body = json.dumps({"type": type(e).__name__, "msg": msg, "line": line or 0, "col": col or 0}).encode()
        kind = b"E"
    out.write(kind + b" " + str(len(body)).encode() + b"\n")
    out.write(body)
    out.flush()
`

// Dumps runs one python3 process over files (paths relative to root, or
// absolute) and calls fn once per file, in order, with CPython's
// ast.dump(ast.parse(raw_bytes), include_attributes=True), or, when
// ast.parse raised, an empty dump and the exception's type name, message,
// lineno and offset (0 when absent). The dumps stream: each is dropped once
// fn returns. The test is skipped when python3 is absent; callers comparing
// with pyward's dump call CPython311 first.
func Dumps(t testing.TB, root string, files []string, fn func(path string, dump string, errType, errMsg string, errLine, errCol int)) {
	t.Helper()
	py := Python(t)
	script := filepath.Join(t.TempDir(), "pyoracle_dump.py")
	if err := os.WriteFile(script, []byte(dumpScript), 0o644); err != nil {
		t.Fatal(err)
	}
	var names bytes.Buffer
	for _, f := range files {
		p := filepath.FromSlash(f)
		if !filepath.IsAbs(p) {
			p = filepath.Join(root, p)
		}
		names.WriteString(p)
		names.WriteByte(0)
	}
	cmd := exec.Command(py, script)
	cmd.Stdin = &names
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("python3: %v", err)
	}
	// fn may stop the test (t.Fatal) mid-stream: never leave python3 behind.
	done := false
	defer func() {
		if !done {
			cmd.Process.Kill()
			cmd.Wait()
		}
	}()
	r := bufio.NewReaderSize(stdout, 1<<20)
	var buf []byte
	for _, f := range files {
		kind, n, err := readHeader(r)
		if err != nil {
			cmd.Process.Kill()
			cmd.Wait()
			done = true
			t.Fatalf("python3 stopped before %s: %v\n%s", f, err, stderr.String())
		}
		if cap(buf) < n {
			buf = make([]byte, n)
		}
		buf = buf[:n]
		if _, err := io.ReadFull(r, buf); err != nil {
			t.Fatalf("python3's record for %s: %v", f, err)
		}
		if kind == 'D' {
			fn(f, string(buf), "", "", 0, 0)
			continue
		}
		var e struct {
			Type, Msg string
			Line, Col int
		}
		if err := json.Unmarshal(buf, &e); err != nil {
			t.Fatalf("python3's error record for %s: %v: %q", f, err, buf)
		}
		fn(f, "", e.Type, e.Msg, e.Line, e.Col)
	}
	done = true
	if err := cmd.Wait(); err != nil {
		t.Fatalf("python3: %v\n%s", err, stderr.String())
	}
}

// readHeader reads a record's "D <n>\n" or "E <n>\n" line.
func readHeader(r *bufio.Reader) (kind byte, n int, err error) {
	line, err := r.ReadString('\n')
	if err != nil {
		return 0, 0, err
	}
	line = strings.TrimSuffix(line, "\n")
	if len(line) < 3 || line[0] != 'D' && line[0] != 'E' || line[1] != ' ' {
		return 0, 0, fmt.Errorf("bad record header %q", line)
	}
	n, err = strconv.Atoi(line[2:])
	if err != nil || n < 0 {
		return 0, 0, fmt.Errorf("bad record length %q", line)
	}
	return line[0], n, nil
}
