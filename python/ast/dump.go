package ast

import (
	"bufio"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/pyward/pyward/python/token"
)

// Dump returns n as CPython 3.11's ast.dump(n, include_attributes=True)
// prints it: fields in CPython's order as name=value, optional fields left
// out when absent, then lineno, col_offset, end_lineno, end_col_offset.
// Fields CPython 3.11 does not have (type_params, default_value) are shown
// only when they hold something.
func Dump(n Node, f *token.File) string {
	var b strings.Builder
	d := dumper{w: &b, f: f}
	d.node(reflect.ValueOf(n))
	return b.String()
}

// Fdump writes Dump(n, f) to w.
func Fdump(w io.Writer, n Node, f *token.File) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	d := dumper{w: bw, f: f}
	d.node(reflect.ValueOf(n))
	return bw.Flush()
}

type writer interface {
	io.Writer
	WriteString(string) (int, error)
	WriteByte(byte) error
}

type dumper struct {
	w writer
	f *token.File
}

// fieldInfo describes one dumped field of a node type.
type fieldInfo struct {
	index int
	name  string
	opt   bool // optional in the ASDL: left out when absent
	newer bool // not in CPython 3.11: left out when empty
}

type typeInfo struct {
	name   string
	fields []fieldInfo
	loc    int // index of the embedded Loc, or -1
}

var typeInfos sync.Map // reflect.Type -> *typeInfo

// pyNames maps Go type names to CPython's where they differ.
var pyNames = map[string]string{
	"ExprStmt": "Expr", "Comprehension": "comprehension", "Arguments": "arguments",
	"Arg": "arg", "Keyword": "keyword", "Alias": "alias", "WithItem": "withitem",
	"MatchCase": "match_case",
}

func infoOf(t reflect.Type) *typeInfo {
	if ti, ok := typeInfos.Load(t); ok {
		return ti.(*typeInfo)
	}
	ti := &typeInfo{name: t.Name(), loc: -1}
	if py, ok := pyNames[ti.name]; ok {
		ti.name = py
	}
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if sf.Anonymous && sf.Type == reflect.TypeOf(Loc{}) {
			ti.loc = i
			continue
		}
		tag := sf.Tag.Get("py")
		if tag == "" {
			continue
		}
		parts := strings.Split(tag, ",")
		fi := fieldInfo{index: i, name: parts[0]}
		for _, p := range parts[1:] {
			switch p {
			case "opt":
				fi.opt = true
			case "new":
				fi.newer = true
			}
		}
		ti.fields = append(ti.fields, fi)
	}
	typeInfos.Store(t, ti)
	return ti
}

var (
	exprContextType = reflect.TypeOf(Load)
	boolOpType      = reflect.TypeOf(And)
	operatorType    = reflect.TypeOf(Add)
	unaryOpType     = reflect.TypeOf(Invert)
	cmpOpType       = reflect.TypeOf(Eq)
)

func (d *dumper) node(v reflect.Value) {
	if v.Kind() == reflect.Interface {
		v = v.Elem()
	}
	if !v.IsValid() || (v.Kind() == reflect.Pointer && v.IsNil()) {
		d.w.WriteString("None")
		return
	}
	switch n := v.Interface().(type) {
	case *Constant:
		d.w.WriteString("Constant(value=")
		d.w.WriteString(ConstantRepr(n))
		if n.U {
			d.w.WriteString(", kind='u'")
		}
		d.loc(n.Loc)
		d.w.WriteByte(')')
		return
	case *MatchSingleton:
		d.w.WriteString("MatchSingleton(value=")
		d.w.WriteString(ConstantRepr(n.Value))
		d.loc(n.Loc)
		d.w.WriteByte(')')
		return
	}
	s := v.Elem()
	ti := infoOf(s.Type())
	d.w.WriteString(ti.name)
	d.w.WriteByte('(')
	first := true
	for _, fi := range ti.fields {
		fv := s.Field(fi.index)
		if (fi.opt || fi.newer) && isAbsent(fv) {
			continue
		}
		if fi.newer && fv.Kind() == reflect.Slice && fv.Len() == 0 {
			continue
		}
		if !first {
			d.w.WriteString(", ")
		}
		first = false
		d.w.WriteString(fi.name)
		d.w.WriteByte('=')
		d.value(fv)
	}
	if ti.loc >= 0 {
		l := s.Field(ti.loc).Interface().(Loc)
		if first {
			// A node with no fields to show (Pass, Break, Continue).
			d.locFirst(l)
		} else {
			d.loc(l)
		}
	}
	d.w.WriteByte(')')
}

func isAbsent(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer, reflect.Slice:
		return v.IsNil()
	}
	return false
}

func (d *dumper) value(v reflect.Value) {
	switch v.Type() {
	case exprContextType, boolOpType, operatorType, unaryOpType, cmpOpType:
		d.w.WriteString(v.Interface().(interface{ String() string }).String())
		d.w.WriteString("()")
		return
	}
	switch v.Kind() {
	case reflect.Slice:
		d.w.WriteByte('[')
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				d.w.WriteString(", ")
			}
			d.value(v.Index(i))
		}
		d.w.WriteByte(']')
	case reflect.String:
		d.w.WriteString(StrRepr(v.String()))
	case reflect.Int:
		d.w.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Pointer:
		if v.IsNil() {
			d.w.WriteString("None")
			return
		}
		if v.Elem().Kind() == reflect.String {
			d.w.WriteString(StrRepr(v.Elem().String()))
			return
		}
		d.node(v)
	case reflect.Interface:
		d.node(v)
	default:
		d.w.WriteString("?")
	}
}

func (d *dumper) locFirst(l Loc) {
	d.pos(l, "lineno=")
}

func (d *dumper) loc(l Loc) {
	d.pos(l, ", lineno=")
}

func (d *dumper) pos(l Loc, lead string) {
	line, col := d.f.Position(l.Start)
	eline, ecol := d.f.Position(l.Stop)
	d.w.WriteString(lead)
	d.w.WriteString(strconv.Itoa(line))
	d.w.WriteString(", col_offset=")
	d.w.WriteString(strconv.Itoa(col))
	d.w.WriteString(", end_lineno=")
	d.w.WriteString(strconv.Itoa(eline))
	d.w.WriteString(", end_col_offset=")
	d.w.WriteString(strconv.Itoa(ecol))
}

// ConstantRepr returns Python's repr of a constant's value.
func ConstantRepr(c *Constant) string {
	switch c.Kind {
	case ConstNone:
		return "None"
	case ConstTrue:
		return "True"
	case ConstFalse:
		return "False"
	case ConstEllipsis:
		return "Ellipsis"
	case ConstInt:
		if c.BigInt != nil {
			return c.BigInt.String()
		}
		return strconv.FormatInt(c.Int, 10)
	case ConstFloat:
		return FloatRepr(c.Float)
	case ConstComplex:
		return floatRepr(c.Float, false) + "j"
	case ConstStr:
		return StrRepr(c.Str)
	case ConstBytes:
		return BytesRepr(c.Str)
	}
	return "?"
}

// FloatRepr formats f as Python's repr(float) does: the shortest digits
// that round-trip, in fixed notation for exponents from -4 to 15 (with at
// least one digit after the point), in scientific notation otherwise.
func FloatRepr(f float64) string { return floatRepr(f, true) }

func floatRepr(f float64, addDot0 bool) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64) // d.ddddde±XX
	sign := ""
	if e[0] == '-' {
		sign, e = "-", e[1:]
	}
	mant, exps, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(exps)
	digits := strings.Replace(mant, ".", "", 1)
	if exp < -4 || exp >= 16 {
		out := digits[:1]
		if len(digits) > 1 {
			out += "." + digits[1:]
		}
		es := strconv.Itoa(abs(exp))
		if len(es) < 2 {
			es = "0" + es
		}
		if exp < 0 {
			return sign + out + "e-" + es
		}
		return sign + out + "e+" + es
	}
	var out string
	if exp < 0 {
		out = "0." + strings.Repeat("0", -exp-1) + digits
	} else if len(digits) <= exp+1 {
		out = digits + strings.Repeat("0", exp+1-len(digits))
		if addDot0 {
			out += ".0"
		}
	} else {
		out = digits[:exp+1] + "." + digits[exp+1:]
	}
	return sign + out
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// decodeWTF8 decodes one code point of WTF-8, where lone surrogates are
// encoded like other three-byte characters.
func decodeWTF8(s string) (rune, int) {
	if len(s) >= 3 && s[0] == 0xED && s[1] >= 0xA0 && s[1] <= 0xBF && s[2]&0xC0 == 0x80 {
		return rune(0xD000) | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(s)
}

const hexDigits = "0123456789abcdef"

// StrRepr returns Python's repr of a str held as WTF-8.
func StrRepr(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(quote)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			writeASCII(&b, c, quote)
			continue
		}
		r, n := decodeWTF8(s[i:])
		if r == utf8.RuneError && n == 1 {
			// Not WTF-8: show the byte as the surrogate escape Python's
			// surrogateescape would have made of it.
			r = 0xDC00 | rune(c)
		}
		switch {
		case r >= 0xD800 && r <= 0xDFFF || !IsPrintable(r):
			writeEscape(&b, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	b.WriteByte(quote)
	return b.String()
}

func writeEscape(b *strings.Builder, r rune) {
	switch {
	case r < 0x100:
		b.WriteString(`\x`)
		b.WriteByte(hexDigits[r>>4&15])
		b.WriteByte(hexDigits[r&15])
	case r < 0x10000:
		b.WriteString(`\u`)
		for sh := 12; sh >= 0; sh -= 4 {
			b.WriteByte(hexDigits[r>>uint(sh)&15])
		}
	default:
		b.WriteString(`\U`)
		for sh := 28; sh >= 0; sh -= 4 {
			b.WriteByte(hexDigits[r>>uint(sh)&15])
		}
	}
}

// BytesRepr returns Python's repr of a bytes value.
func BytesRepr(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.Grow(len(s) + 3)
	b.WriteByte('b')
	b.WriteByte(quote)
	for i := 0; i < len(s); i++ {
		writeASCII(&b, s[i], quote) // bytes from 0x80 are escaped like controls
	}
	b.WriteByte(quote)
	return b.String()
}

// writeASCII writes one byte as Python's repr writes it inside quote: the
// quote and backslash escaped, \t \n \r by name, other controls and (in
// bytes) everything from 0x7f as \xhh.
func writeASCII(b *strings.Builder, c, quote byte) {
	switch {
	case c == quote || c == '\\':
		b.WriteByte('\\')
		b.WriteByte(c)
	case c == '\t':
		b.WriteString(`\t`)
	case c == '\n':
		b.WriteString(`\n`)
	case c == '\r':
		b.WriteString(`\r`)
	case c < 0x20 || c >= 0x7f:
		b.WriteString(`\x`)
		b.WriteByte(hexDigits[c>>4])
		b.WriteByte(hexDigits[c&15])
	default:
		b.WriteByte(c)
	}
}
