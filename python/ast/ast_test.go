package ast_test

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand"
	"os/exec"
	"strings"
	"testing"

	"github.com/pyward/pyward/python/ast"
	"github.com/pyward/pyward/python/parser"
)

func TestInspectVisitsEveryNodeInOrder(t *testing.T) {
	f, err := parser.Parse([]byte("def f(a=1):\n    return g(a, *b, k=c)[0]\n"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	ast.Inspect(f.Module, func(n ast.Node) bool {
		names = append(names, strings.TrimPrefix(fmt.Sprintf("%T", n), "*ast."))
		return true
	})
	want := "Module FunctionDef Arguments Arg Constant Return Subscript Call Name Name Starred Name Keyword Name Constant"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	// Returning false prunes the subtree.
	count := 0
	ast.Inspect(f.Module, func(n ast.Node) bool {
		count++
		_, isCall := n.(*ast.Call)
		return !isCall
	})
	if count != 9 { // Call is visited, its four children are not
		t.Errorf("pruned walk visited %d nodes, want 9", count)
	}
}

// TestReprAgainstCPython compares FloatRepr, StrRepr and BytesRepr with
// Python's repr on many values: random float bit patterns and special
// values, and strings holding code points from every part of the range.
func TestReprAgainstCPython(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: the repr oracle test needs it")
	}
	rng := rand.New(rand.NewSource(1))
	floats := []float64{0, 1, 0.1, 1e16, 1e15, 9999999999999998, 1e-4, 1e-5, 5e-324, math.MaxFloat64, 123.456, 1e22, 2.5}
	for i := 0; i < 3000; i++ {
		f := math.Float64frombits(rng.Uint64() &^ (1 << 63))
		if !math.IsNaN(f) {
			floats = append(floats, f)
		}
	}
	// Code points: every one below U+0800, then a stride through the rest,
	// lone surrogates included. Each string holds one code point, as
	// [code point] so that JSON can carry surrogates.
	var cps []int
	for r := 0; r < 0x800; r++ {
		cps = append(cps, r)
	}
	for r := 0x800; r <= 0x10FFFF; r += 61 {
		cps = append(cps, r)
	}
	cps = append(cps, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0x2028, 0xFEFF, 0xE000, 0x10FFFF)
	in, err := json.Marshal(map[string]any{"floats": floats, "cps": cps})
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, "-c", `
import json, sys, unicodedata
d = json.load(sys.stdin)
fl = [float(f) for f in d["floats"]]  # JSON may carry a whole float as an int
out = {"floats": [repr(f) for f in fl], "complex": [repr(complex(0, f)) for f in fl],
       "strs": [], "bytes": [repr(bytes([i])) for i in range(256)]}
for cp in d["cps"]:
    c = chr(cp)
    out["strs"].append(repr(c).encode("utf-8", "surrogatepass").decode("latin-1"))
print(json.dumps(out))`)
	cmd.Stdin = strings.NewReader(string(in))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	var want struct {
		Floats, Complex, Bytes []string
		Strs                   []*string
	}
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatal(err)
	}
	for i, f := range floats {
		if got := ast.FloatRepr(f); got != want.Floats[i] {
			t.Errorf("FloatRepr(%v) = %s, CPython %s", f, got, want.Floats[i])
		}
		c := &ast.Constant{Kind: ast.ConstComplex, Float: f}
		if got := ast.ConstantRepr(c); got != want.Complex[i] {
			t.Errorf("complex repr(%vj) = %s, CPython %s", f, got, want.Complex[i])
		}
	}
	for i := 0; i < 256; i++ {
		if got := ast.BytesRepr(string([]byte{byte(i)})); got != want.Bytes[i] {
			t.Errorf("BytesRepr(%#x) = %s, CPython %s", i, got, want.Bytes[i])
		}
	}
	if got := ast.FloatRepr(math.Inf(1)); got != "inf" {
		t.Errorf("FloatRepr(+Inf) = %s, want inf (CPython's repr(1e400))", got)
	}
	compared := 0
	for i, cp := range cps {
		if want.Strs[i] == nil {
			continue
		}
		compared++
		// The WTF-8 of the code point, as the parser stores it.
		w := string([]byte{0xE0 | byte(cp>>12), 0x80 | byte(cp>>6)&0x3F, 0x80 | byte(cp)&0x3F})
		if cp < 0xD800 || cp > 0xDFFF {
			w = string(rune(cp))
		}
		wantRepr := latin1ToBytes(*want.Strs[i])
		if got := ast.StrRepr(w); got != wantRepr {
			t.Errorf("StrRepr(U+%04X) = %q, CPython %q", cp, got, wantRepr)
		}
	}
	if compared < 19000 {
		t.Errorf("only %d code points compared", compared)
	}
}

func latin1ToBytes(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = append(b, byte(r))
	}
	return string(b)
}

// TestPrintableMatchesCPython compares IsPrintable with CPython's
// str.isprintable on every code point, which is what decides how repr
// shows a character.
func TestPrintableMatchesCPython(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: the printable oracle test needs it")
	}
	out, err := exec.Command(py, "-c", `
import sys
start = None
for cp in range(0x110001):
    p = cp < 0x110000 and chr(cp).isprintable()
    if p and start is None: start = cp
    if not p and start is not None:
        print(start, cp - 1); start = None`).Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	want := make([]bool, 0x110000)
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		var lo, hi int
		fmt.Sscan(line, &lo, &hi)
		for r := lo; r <= hi; r++ {
			want[r] = true
		}
	}
	bad := 0
	for r := rune(0); r < 0x110000; r++ {
		if ast.IsPrintable(r) != want[r] {
			if bad++; bad <= 10 {
				t.Errorf("U+%04X: IsPrintable %v, CPython %v", r, !want[r], want[r])
			}
		}
	}
}
