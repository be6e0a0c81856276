package rules

import (
	"bytes"
	"compress/bzip2"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"encoding/ascii85"
	"encoding/base32"
	"encoding/base64"
	"encoding/hex"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/pyward/pyward/python/ast"
)

// maxFold bounds what folding produces, so that a decompression bomb in a
// scanned file costs nothing.
const maxFold = 1 << 20

// fold computes the string an expression spells when it is built only
// from literals: concatenation, `%` and `.format` of literals, `”.join`
// of literals, of `chr(n)` and of `map(chr, …)`, `bytes([…])`, slicing
// such as `[::-1]`, `reversed`, `.lower()`, `.replace()` and friends, XOR
// and arithmetic on character codes in a comprehension, decoding a literal
// with base64/32/85, hex, rot13, an EBCDIC code page or `unicode_escape`,
// and zlib/gzip/bz2 decompression — the tricks obfuscated code uses to hide
// a name such as "os.system" or a payload. ok is false when any part is
// unknown. Strings are Go strings holding Python str as UTF-8 and bytes
// as raw bytes.
func fold(e ast.Expr) (string, bool) {
	var f folder
	return f.fold(e, 0)
}

// foldDecoded is fold that also reports whether a decoding step (a codec,
// decompression, character codes, reversal) was needed: the string was
// hidden rather than merely assembled.
func foldDecoded(e ast.Expr) (s string, decoded, ok bool) {
	var f folder
	s, ok = f.fold(e, 0)
	return s, f.decoded, ok
}

// folder carries what a fold learned on the way and the values of
// comprehension variables.
type folder struct {
	decoded bool
	vars    map[string]int64
	// names, when set, are the values assigned to plain names, followed
	// (hops deep at most, so that x = x + "a" ends) when a name is folded.
	names map[string]ast.Expr
	hops  int
}

func (f *folder) fold(e ast.Expr, depth int) (string, bool) {
	if depth > 50 {
		return "", false
	}
	d := depth + 1
	switch n := e.(type) {
	case *ast.Constant:
		if n.Kind == ast.ConstStr || n.Kind == ast.ConstBytes {
			return n.Str, true
		}
	case *ast.JoinedStr:
		var b strings.Builder
		for _, v := range n.Values {
			switch p := v.(type) {
			case *ast.Constant:
				b.WriteString(p.Str)
			case *ast.FormattedValue:
				s, ok := f.fold(p.Value, d)
				if !ok {
					return "", false
				}
				b.WriteString(s)
			default:
				return "", false
			}
		}
		return b.String(), true
	case *ast.BinOp:
		l, ok1 := f.fold(n.Left, d)
		if !ok1 {
			return "", false
		}
		switch n.Op {
		case ast.Add:
			r, ok := f.fold(n.Right, d)
			if ok && len(l)+len(r) > maxFold {
				return "", false
			}
			return l + r, ok
		case ast.Mod:
			var args []ast.Expr
			if t, ok := n.Right.(*ast.Tuple); ok {
				args = t.Elts
			} else {
				args = []ast.Expr{n.Right}
			}
			return f.formatPercent(l, args, d)
		}
	case *ast.Subscript:
		s, ok := f.fold(n.Value, d)
		sl, isSlice := n.Slice.(*ast.Slice)
		if !ok || !isSlice || sl.Lower != nil || sl.Upper != nil {
			return "", false
		}
		if sl.Step == nil {
			return s, true
		}
		if k, ok := f.intVal(sl.Step, d); ok && k == -1 {
			f.decoded = true
			return reverse(s), true
		}
	case *ast.Call:
		return f.foldCall(n, d)
	case *ast.Name:
		if v, ok := f.names[n.ID]; ok && f.hops < 8 {
			f.hops++
			s, ok := f.fold(v, d)
			f.hops--
			return s, ok
		}
	}
	return "", false
}

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

// intVal evaluates integer arithmetic on literals and comprehension
// variables: 0x6f ^ 0x2a, c - 3, ord('a') + k.
func (f *folder) intVal(e ast.Expr, d int) (int64, bool) {
	if d > 60 {
		return 0, false
	}
	switch n := e.(type) {
	case *ast.Constant:
		return intConst(n)
	case *ast.Name:
		if v, ok := f.vars[n.ID]; ok {
			return v, true
		}
		if v, ok := f.names[n.ID]; ok && f.hops < 8 {
			f.hops++
			k, ok := f.intVal(v, d+1)
			f.hops--
			return k, ok
		}
		return 0, false
	case *ast.UnaryOp:
		v, ok := f.intVal(n.Operand, d+1)
		switch n.Op {
		case ast.USub:
			return -v, ok
		case ast.UAdd:
			return v, ok
		case ast.Invert:
			return ^v, ok
		}
	case *ast.BinOp:
		l, ok1 := f.intVal(n.Left, d+1)
		r, ok2 := f.intVal(n.Right, d+1)
		if !ok1 || !ok2 {
			return 0, false
		}
		switch n.Op {
		case ast.BitXor:
			return l ^ r, true
		case ast.Add:
			return l + r, true
		case ast.Sub:
			return l - r, true
		case ast.Mult:
			return l * r, true
		case ast.BitAnd:
			return l & r, true
		case ast.BitOr:
			return l | r, true
		case ast.Mod:
			if r > 0 {
				return ((l % r) + r) % r, true
			}
		case ast.FloorDiv:
			if r > 0 && l >= 0 {
				return l / r, true
			}
		case ast.LShift:
			if r >= 0 && r < 32 {
				return l << r, true
			}
		case ast.RShift:
			if r >= 0 && r < 63 {
				return l >> r, true
			}
		}
	case *ast.Call:
		if isName(n.Func, "ord") && len(n.Args) == 1 {
			if v, ok := f.intVal(n.Args[0], d+1); ok { // ord(c) over a string's characters
				return v, true
			}
			if s, ok := f.fold(n.Args[0], d+1); ok {
				if r, size := utf8.DecodeRuneInString(s); size == len(s) && size > 0 {
					return int64(r), true
				}
			}
		}
		if isName(n.Func, "int") && len(n.Args) >= 1 {
			return f.intVal(n.Args[0], d+1)
		}
	}
	return 0, false
}

// chrOf folds chr(<integer expression>).
func (f *folder) chrOf(e ast.Expr, d int) (string, bool) {
	call, ok := e.(*ast.Call)
	if !ok || !isName(call.Func, "chr") || len(call.Args) != 1 {
		return "", false
	}
	k, ok := f.intVal(call.Args[0], d)
	if !ok || k < 0 || k >= 0x110000 {
		return "", false
	}
	if _, lit := call.Args[0].(*ast.Constant); !lit {
		f.decoded = true
	}
	return string(rune(k)), true
}

func (f *folder) foldCall(n *ast.Call, d int) (string, bool) {
	switch fn := n.Func.(type) {
	case *ast.Name:
		switch fn.ID {
		case "chr":
			f.decoded = true
			return f.chrOf(n, d)
		case "str":
			if len(n.Args) == 1 {
				return f.fold(n.Args[0], d)
			}
			if len(n.Args) == 2 { // str(b"...", "cp1026")
				s, ok1 := f.fold(n.Args[0], d)
				enc, ok2 := StrConst(n.Args[1])
				if ok1 && ok2 {
					return f.decodeAs(s, enc)
				}
			}
		case "bytes", "bytearray":
			if len(n.Args) == 1 {
				if b, ok := f.intList(n.Args[0], d); ok {
					f.decoded = true
					return b, true
				}
				return f.fold(n.Args[0], d)
			}
			if len(n.Args) == 2 { // bytes("...", "utf-8")
				return f.fold(n.Args[0], d)
			}
		case "reversed":
			if len(n.Args) == 1 {
				if s, ok := f.fold(n.Args[0], d); ok {
					f.decoded = true
					return reverse(s), true
				}
			}
		}
	case *ast.Attribute:
		mod := ""
		if m, ok := fn.Value.(*ast.Name); ok {
			mod = m.ID
		} else if c, ok := fn.Value.(*ast.Call); ok && isName(c.Func, "__import__") && len(c.Args) == 1 {
			mod, _ = StrConst(c.Args[0]) // __import__("base64").b64decode(...)
		}
		// Module functions, checked before the method cases, which would
		// try to fold the module name as a string.
		switch mod {
		case "codecs":
			if fn.Attr == "decode" && len(n.Args) == 2 {
				s, ok1 := f.fold(n.Args[0], d)
				enc, ok2 := StrConst(n.Args[1])
				if ok1 && ok2 {
					return f.decodeAs(s, enc)
				}
			}
			return "", false
		case "base64", "binascii", "zlib", "gzip", "bz2":
			if len(n.Args) == 0 {
				return "", false
			}
			s, ok := f.fold(n.Args[0], d)
			if !ok {
				return "", false
			}
			codec := map[string]string{"b64decode": "base64", "urlsafe_b64decode": "base64", "standard_b64decode": "base64",
				"decodebytes": "base64", "decodestring": "base64", "a2b_base64": "base64", "b32decode": "base32",
				"b16decode": "hex", "b85decode": "base85", "a85decode": "ascii85", "unhexlify": "hex", "a2b_hex": "hex",
				"decompress": mod}[fn.Attr]
			if codec == "" {
				return "", false
			}
			return f.decodeAs(s, codec)
		case "bytes", "bytearray":
			if fn.Attr == "fromhex" && len(n.Args) == 1 {
				if s, ok := f.fold(n.Args[0], d); ok {
					return f.decodeAs(strings.Join(strings.Fields(s), ""), "hex")
				}
			}
			return "", false
		}
		switch fn.Attr {
		case "join":
			sep, ok := f.fold(fn.Value, d)
			if !ok || len(n.Args) != 1 {
				return "", false
			}
			return f.join(sep, n.Args[0], d)
		case "lower", "upper", "strip", "decode", "encode", "replace", "swapcase", "title":
			s, ok := f.fold(fn.Value, d)
			if !ok {
				return "", false
			}
			switch fn.Attr {
			case "lower":
				return strings.ToLower(s), true
			case "upper":
				return strings.ToUpper(s), true
			case "strip":
				return strings.TrimSpace(s), true
			case "replace":
				if len(n.Args) != 2 {
					return "", false
				}
				old, ok1 := f.fold(n.Args[0], d)
				nw, ok2 := f.fold(n.Args[1], d)
				if !ok1 || !ok2 || old == "" || strings.Count(s, old)*len(nw) > maxFold {
					return "", false
				}
				return strings.ReplaceAll(s, old, nw), true
			case "swapcase", "title":
				return "", false
			}
			enc := ""
			if len(n.Args) > 0 {
				enc, _ = StrConst(n.Args[0])
			} else if k := Keyword(n, "encoding"); k != nil {
				enc, _ = StrConst(k)
			}
			if enc != "" && fn.Attr == "decode" {
				return f.decodeAs(s, enc)
			}
			return s, true
		case "format":
			s, ok := f.fold(fn.Value, d)
			if !ok || len(n.Keywords) > 0 {
				return "", false
			}
			var b strings.Builder
			next := 0
			for i := 0; i < len(s); i++ {
				if s[i] == '{' && i+1 < len(s) && s[i+1] == '}' {
					if next >= len(n.Args) {
						return "", false
					}
					a, ok := f.fold(n.Args[next], d)
					if !ok {
						return "", false
					}
					b.WriteString(a)
					next++
					i++
					continue
				}
				b.WriteByte(s[i])
			}
			return b.String(), true
		case "b64decode", "urlsafe_b64decode", "standard_b64decode", "decodebytes", "a2b_base64":
			if len(n.Args) == 1 {
				if s, ok := f.fold(n.Args[0], d); ok {
					return f.decodeAs(s, "base64")
				}
			}
		case "unhexlify", "a2b_hex", "fromhex":
			if len(n.Args) == 1 {
				if s, ok := f.fold(n.Args[0], d); ok {
					return f.decodeAs(strings.Join(strings.Fields(s), ""), "hex")
				}
			}
		}
	}
	return "", false
}

// join folds sep.join(x) for a list or tuple of foldable parts, a
// comprehension of chr over literals, map(chr, [...]) and reversed(...).
func (f *folder) join(sep string, arg ast.Expr, d int) (string, bool) {
	var elts []ast.Expr
	switch a := arg.(type) {
	case *ast.List:
		elts = a.Elts
	case *ast.Tuple:
		elts = a.Elts
	case *ast.ListComp, *ast.GeneratorExp:
		return f.comprehension(a, sep, d)
	case *ast.Call:
		if isName(a.Func, "map") && len(a.Args) == 2 && isName(a.Args[0], "chr") {
			b, ok := f.codes(a.Args[1], d)
			if !ok {
				return "", false
			}
			f.decoded = true
			return joinRunes(b, sep), true
		}
		s, ok := f.fold(a, d) // reversed("..."), a decoded string
		if !ok {
			return "", false
		}
		if sep == "" {
			return s, true
		}
		return strings.Join(strings.Split(s, ""), sep), true
	default:
		return "", false
	}
	parts := make([]string, 0, len(elts))
	size := 0
	for _, x := range elts {
		s, ok := f.fold(x, d)
		if !ok {
			return "", false
		}
		if size += len(s) + len(sep); size > maxFold {
			return "", false
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, sep), true
}

func joinRunes(codes []int64, sep string) string {
	var b strings.Builder
	for i, k := range codes {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteRune(rune(k))
	}
	return b.String()
}

// codes reads a list or tuple of character codes, or the characters of a
// string literal (as their code points) or a bytes literal (as bytes).
func (f *folder) codes(e ast.Expr, d int) ([]int64, bool) {
	var elts []ast.Expr
	switch it := e.(type) {
	case *ast.Name:
		if v, ok := f.names[it.ID]; ok && f.hops < 8 {
			f.hops++
			out, ok := f.codes(v, d+1)
			f.hops--
			return out, ok
		}
		return nil, false
	case *ast.List:
		elts = it.Elts
	case *ast.Tuple:
		elts = it.Elts
	case *ast.Constant:
		switch it.Kind {
		case ast.ConstStr:
			var out []int64
			for _, r := range it.Str {
				out = append(out, int64(r))
			}
			return out, true
		case ast.ConstBytes:
			out := make([]int64, len(it.Str))
			for i := 0; i < len(it.Str); i++ {
				out[i] = int64(it.Str[i])
			}
			return out, true
		}
		return nil, false
	default:
		return nil, false
	}
	if len(elts) > maxFold/4 {
		return nil, false
	}
	out := make([]int64, 0, len(elts))
	for _, x := range elts {
		k, ok := f.intVal(x, d)
		if !ok || k < 0 || k >= 0x110000 {
			return nil, false
		}
		out = append(out, k)
	}
	return out, true
}

// intList folds bytes([104, 105]) and bytes(x ^ 5 for x in [...]).
func (f *folder) intList(e ast.Expr, d int) (string, bool) {
	var ks []int64
	switch a := e.(type) {
	case *ast.List, *ast.Tuple:
		var ok bool
		if ks, ok = f.codes(a, d); !ok {
			return "", false
		}
	case *ast.ListComp, *ast.GeneratorExp:
		elt, gen, ok := oneGenerator(a)
		if !ok {
			return "", false
		}
		v, ok := gen.Target.(*ast.Name)
		if !ok {
			return "", false
		}
		in, ok := f.codes(gen.Iter, d)
		if !ok {
			return "", false
		}
		for _, k := range in {
			f.bind(v.ID, k)
			x, ok := f.intVal(elt, d)
			if !ok {
				return "", false
			}
			ks = append(ks, x)
		}
		delete(f.vars, v.ID)
	default:
		return "", false
	}
	b := make([]byte, len(ks))
	for i, k := range ks {
		if k < 0 || k > 255 {
			return "", false
		}
		b[i] = byte(k)
	}
	return string(b), true
}

func (f *folder) bind(name string, v int64) {
	if f.vars == nil {
		f.vars = map[string]int64{}
	}
	f.vars[name] = v
}

func oneGenerator(e ast.Expr) (ast.Expr, *ast.Comprehension, bool) {
	var elt ast.Expr
	var gens []*ast.Comprehension
	switch c := e.(type) {
	case *ast.ListComp:
		elt, gens = c.Elt, c.Generators
	case *ast.GeneratorExp:
		elt, gens = c.Elt, c.Generators
	}
	if len(gens) != 1 || len(gens[0].Ifs) > 0 {
		return nil, nil, false
	}
	return elt, gens[0], true
}

// comprehension folds ”.join(chr(c) for c in [111, 115]),
// ”.join(chr(c ^ 42) for c in […]), ”.join(chr(ord(c) - 1) for c in
// "pt") and ”.join(x for x in reversed("so")).
func (f *folder) comprehension(e ast.Expr, sep string, d int) (string, bool) {
	elt, gen, ok := oneGenerator(e)
	if !ok {
		return "", false
	}
	v, ok := gen.Target.(*ast.Name)
	if !ok {
		return "", false
	}
	if isName(elt, v.ID) { // "".join(c for c in reversed("..."))
		s, ok := f.fold(gen.Iter, d)
		if !ok {
			return "", false
		}
		return strings.Join(strings.Split(s, ""), sep), true
	}
	in, ok := f.codes(gen.Iter, d)
	if !ok {
		return "", false
	}
	f.decoded = true
	parts := make([]string, 0, len(in))
	for _, k := range in {
		f.bind(v.ID, k)
		s, ok := f.chrOf(elt, d)
		if !ok {
			return "", false
		}
		parts = append(parts, s)
	}
	delete(f.vars, v.ID)
	return strings.Join(parts, sep), true
}

func isName(e ast.Expr, id string) bool {
	n, ok := e.(*ast.Name)
	return ok && n.ID == id
}

// decodeAs decodes a folded literal with one of the codecs obfuscated
// code uses, noting that a decoding step was needed.
func (f *folder) decodeAs(s, enc string) (string, bool) {
	out, ok := decodeAs(s, enc)
	if ok && !plainCodec(enc) {
		f.decoded = true
	}
	return out, ok
}

// plainCodec reports whether a codec is a plain text encoding, which
// hides nothing.
func plainCodec(enc string) bool {
	switch normCodec(enc) {
	case "utf_8", "utf8", "ascii", "latin_1", "latin1", "iso8859_1", "iso_8859_1", "u8", "utf":
		return true
	}
	return false
}

func normCodec(enc string) string {
	return strings.ReplaceAll(strings.ReplaceAll(strings.ToLower(strings.TrimSpace(enc)), "-", "_"), " ", "_")
}

// decodeAs decodes a folded literal with one of the codecs obfuscated
// code uses (codecs.decode's names and aliases). An empty input decodes to
// "" for every known codec, which lets callers ask whether a codec is
// known.
func decodeAs(s, enc string) (string, bool) {
	e := normCodec(enc)
	if cp, ok := ebcdic[strings.TrimPrefix(strings.TrimPrefix(e, "ibm"), "ebcdic_cp_")]; ok || ebcdicAlias[e] != "" {
		if !ok {
			cp = ebcdic[ebcdicAlias[e]]
		}
		var b strings.Builder
		for i := 0; i < len(s); i++ {
			b.WriteRune(cp[s[i]])
		}
		return b.String(), true
	}
	switch e {
	case "base64", "base_64", "base64_codec", "base64codec":
		t := strings.Join(strings.Fields(s), "")
		b, err := base64.StdEncoding.DecodeString(t)
		if err != nil {
			b, err = base64.URLEncoding.DecodeString(t)
		}
		if err != nil {
			b, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(t, "="))
		}
		return string(b), err == nil
	case "base32":
		b, err := base32.StdEncoding.DecodeString(strings.Join(strings.Fields(s), ""))
		return string(b), err == nil
	case "base85":
		return decodeBase85(s)
	case "ascii85":
		t := strings.TrimSuffix(strings.TrimPrefix(s, "<~"), "~>")
		b := make([]byte, len(t)*4/5+4)
		nd, _, err := ascii85.Decode(b, []byte(t), true)
		return string(b[:nd]), err == nil
	case "hex", "hex_codec", "hexcodec":
		b, err := hex.DecodeString(s)
		return string(b), err == nil
	case "rot13", "rot_13":
		return strings.Map(func(r rune) rune {
			switch {
			case r >= 'a' && r <= 'z':
				return 'a' + (r-'a'+13)%26
			case r >= 'A' && r <= 'Z':
				return 'A' + (r-'A'+13)%26
			}
			return r
		}, s), true
	case "zlib", "zip", "zlib_codec", "zlibcodec":
		if s == "" {
			return "", true
		}
		r, err := zlib.NewReader(strings.NewReader(s))
		if err != nil {
			// zlib.decompress(x, -15): a raw deflate stream.
			return readAll(flate.NewReader(strings.NewReader(s)))
		}
		return readAll(r)
	case "gzip":
		if s == "" {
			return "", true
		}
		r, err := gzip.NewReader(strings.NewReader(s))
		if err != nil {
			return "", false
		}
		return readAll(r)
	case "bz2", "bz2_codec", "bz2codec":
		if s == "" {
			return "", true
		}
		return readAll(bzip2.NewReader(strings.NewReader(s)))
	case "unicode_escape", "raw_unicode_escape", "string_escape":
		return unescape(s)
	case "utf_8", "utf8", "u8", "utf", "ascii", "latin_1", "latin1", "iso8859_1", "iso_8859_1", "utf_16", "utf16", "utf_32":
		return s, true
	}
	return "", false
}

// ebcdicAlias are Python's other names for the EBCDIC code pages.
var ebcdicAlias = map[string]string{"csibm037": "cp037", "ebcdic_cp_us": "cp037", "ebcdic_cp_ca": "cp037",
	"ebcdic_cp_nl": "cp037", "ebcdic_cp_wt": "cp037", "ebcdic_cp_be": "cp500", "ebcdic_cp_ch": "cp500",
	"csibm500": "cp500", "csibm1026": "cp1026", "csibm273": "cp273", "csibm424": "cp424", "ebcdic_cp_he": "cp424",
	"037": "cp037", "500": "cp500", "1026": "cp1026", "1140": "cp1140", "273": "cp273", "424": "cp424", "875": "cp875"}

func readAll(r io.Reader) (string, bool) {
	b, err := io.ReadAll(io.LimitReader(r, maxFold+1))
	if err != nil || len(b) > maxFold {
		return "", false
	}
	return string(b), true
}

// decodeBase85 decodes base64.b85decode's alphabet (RFC 1924).
func decodeBase85(s string) (string, bool) {
	const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~"
	var out bytes.Buffer
	pad := (5 - len(s)%5) % 5
	t := s + strings.Repeat("~", pad)
	for i := 0; i+5 <= len(t); i += 5 {
		var v uint64
		for _, ch := range []byte(t[i : i+5]) {
			k := strings.IndexByte(alphabet, ch)
			if k < 0 {
				return "", false
			}
			v = v*85 + uint64(k)
		}
		if v > 0xFFFFFFFF {
			return "", false
		}
		out.Write([]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)})
	}
	b := out.Bytes()
	return string(b[:len(b)-pad]), true
}

// unescape decodes backslash escapes (\xNN, \uNNNN, \n, \\) as
// unicode_escape does.
func unescape(s string) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 >= len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		n := 0
		switch s[i] {
		case 'x':
			n = 2
		case 'u':
			n = 4
		case 'U':
			n = 8
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case '\\', '\'', '"':
			b.WriteByte(s[i])
		default:
			b.WriteByte('\\')
			b.WriteByte(s[i])
		}
		if n > 0 {
			if i+n >= len(s) {
				return "", false
			}
			v, ok := hexValue(s[i+1 : i+1+n])
			if !ok {
				return "", false
			}
			b.WriteRune(rune(v))
			i += n
		}
	}
	return b.String(), true
}

func hexValue(s string) (int64, bool) {
	var v int64
	for _, ch := range []byte(s) {
		switch {
		case ch >= '0' && ch <= '9':
			v = v*16 + int64(ch-'0')
		case ch >= 'a' && ch <= 'f':
			v = v*16 + int64(ch-'a'+10)
		case ch >= 'A' && ch <= 'F':
			v = v*16 + int64(ch-'A'+10)
		default:
			return 0, false
		}
	}
	return v, true
}

// formatPercent folds 'fmt' % (args) for %s, %r and %c.
func (f *folder) formatPercent(s string, args []ast.Expr, d int) (string, bool) {
	var b strings.Builder
	next := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '%' || i+1 >= len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case '%':
			b.WriteByte('%')
		case 's', 'r':
			if next >= len(args) {
				return "", false
			}
			a, ok := f.fold(args[next], d)
			if !ok {
				return "", false
			}
			b.WriteString(a)
			next++
		case 'c':
			if next >= len(args) {
				return "", false
			}
			k, ok := f.intVal(args[next], d)
			if !ok || k < 0 || k >= 0x110000 {
				return "", false
			}
			f.decoded = true
			b.WriteRune(rune(k))
			next++
		default:
			return "", false
		}
	}
	return b.String(), true
}

// isLiteral reports whether e is a plain string literal, as opposed to a
// string computed from literals.
func isLiteral(e ast.Expr) bool {
	c, ok := e.(*ast.Constant)
	return ok && (c.Kind == ast.ConstStr || c.Kind == ast.ConstBytes)
}

// processFuncs are the functions that start processes: B602–B607's
// default lists and a few more.
var processFuncs = func() map[string]bool {
	m := map[string]bool{"pty.spawn": true, "asyncio.create_subprocess_shell": true, "asyncio.create_subprocess_exec": true}
	for _, l := range [][]string{subprocessFuncs, shellFuncs, noShellFuncs} {
		for _, q := range l {
			m[q] = true
		}
	}
	return m
}()

// processCall recognises a call that starts a process, with the
// configured function lists of B602–B607's defaults, and returns the
// command it runs as text: a folded string, or a list's folded elements
// joined by spaces (an element that does not fold becomes "?"). ok is
// false for calls that do not run processes.
func (c *Context) processCall(call *ast.Call) (cmd string, ok bool) {
	if c.procCall == call {
		return c.procCmd, c.procOK
	}
	cmd, ok = c.processCallUncached(call)
	c.procCall, c.procCmd, c.procOK = call, cmd, ok
	return cmd, ok
}

func (c *Context) processCallUncached(call *ast.Call) (cmd string, ok bool) {
	q := c.CallName(call)
	if !processFuncs[q] {
		return "", false
	}
	var args []ast.Expr
	if strings.HasPrefix(q, "os.exec") || strings.HasPrefix(q, "os.spawn") {
		// os.execl(path, arg0, arg1...), os.spawnl(mode, path, arg0...),
		// os.execv(path, [args]): the arguments after the program.
		skip := 1
		if strings.HasPrefix(q, "os.spawn") {
			skip = 2
		}
		if len(call.Args) > skip {
			args = call.Args[skip:]
		}
	} else if q == "asyncio.create_subprocess_exec" {
		args = call.Args
	} else if len(call.Args) > 0 {
		args = call.Args[:1]
	} else if a := Keyword(call, "args"); a != nil {
		args = []ast.Expr{a}
	}
	var parts []string
	for _, a := range args {
		var elts []ast.Expr
		switch l := a.(type) {
		case *ast.List:
			elts = l.Elts
		case *ast.Tuple:
			elts = l.Elts
		default:
			elts = []ast.Expr{a}
		}
		for _, x := range elts {
			if s, ok := fold(x); ok {
				parts = append(parts, s)
			} else {
				parts = append(parts, "?")
			}
		}
	}
	return strings.Join(parts, " "), true
}

// foldPrefix is the part of a path or command that is known before any
// value computed at run time: "/etc/" for '/etc/' + name,
// f'/etc/{name}', os.path.join('/etc', name) or Path('/etc') / name.
func (c *Context) foldPrefix(e ast.Expr) string {
	if s, ok := fold(e); ok {
		return s
	}
	switch n := e.(type) {
	case *ast.Name:
		// A loop variable over literals: what all of them start with.
		elts := c.loopElements(n)
		if len(elts) == 0 {
			return ""
		}
		p := c.foldPrefix(elts[0])
		for _, x := range elts[1:] {
			q := c.foldPrefix(x)
			for !strings.HasPrefix(q, p) {
				p = p[:len(p)-1]
			}
		}
		return p
	case *ast.BinOp:
		switch n.Op {
		case ast.Add:
			l := c.foldPrefix(n.Left)
			if s, ok := fold(n.Left); ok {
				return s + c.foldPrefix(n.Right)
			}
			return l
		case ast.Mod:
			if s, ok := fold(n.Left); ok {
				if i := strings.IndexByte(s, '%'); i >= 0 {
					return s[:i]
				}
				return s
			}
		case ast.Div: // pathlib: Path('/etc') / 'x'
			l := c.foldPrefix(n.Left)
			if _, ok := fold(n.Left); ok || strings.HasSuffix(l, "/") {
				if r, ok := fold(n.Right); ok {
					return strings.TrimSuffix(l, "/") + "/" + r
				}
				return strings.TrimSuffix(l, "/") + "/"
			}
			return l
		}
	case *ast.JoinedStr:
		var b strings.Builder
		for _, v := range n.Values {
			p, ok := v.(*ast.Constant)
			if !ok {
				break
			}
			b.WriteString(p.Str)
		}
		return b.String()
	case *ast.Call:
		q := c.QualName(n.Func)
		switch {
		case (q == "os.path.join" || q == "posixpath.join" || q == "ntpath.join") && len(n.Args) > 0:
			var b strings.Builder
			for i, a := range n.Args {
				s, ok := fold(a)
				if !ok {
					if i > 0 {
						b.WriteString("/")
					}
					b.WriteString(c.foldPrefix(a))
					break
				}
				if i > 0 && !strings.HasSuffix(b.String(), "/") {
					b.WriteString("/")
				}
				b.WriteString(s)
			}
			return b.String()
		case (q == "pathlib.Path" || q == "pathlib.PurePath" || q == "pathlib.PosixPath" || q == "os.path.expanduser" || q == "os.path.abspath" || q == "os.path.normpath") && len(n.Args) > 0:
			return c.foldPrefix(n.Args[0])
		case q == "pathlib.Path.home" || q == "os.path.expanduser" && len(n.Args) == 0:
			return "~"
		}
		if a, ok := n.Func.(*ast.Attribute); ok && (a.Attr == "format" || a.Attr == "joinpath") {
			s := c.foldPrefix(a.Value)
			if i := strings.IndexByte(s, '{'); i >= 0 && a.Attr == "format" {
				return s[:i]
			}
			if a.Attr == "joinpath" && len(n.Args) > 0 {
				if r, ok := fold(n.Args[0]); ok {
					return strings.TrimSuffix(s, "/") + "/" + r
				}
			}
			return s
		}
	}
	return ""
}

// writeTargetCalls and writeTargetMethods are the calls writeTarget
// knows: the names of its cases.
var (
	writeTargetCalls = setOf("open", "io.open", "codecs.open", "builtins.open", "os.open",
		"shutil.copy", "shutil.copy2", "shutil.copyfile", "shutil.copytree", "shutil.move",
		"os.rename", "os.replace", "os.renames", "os.symlink", "os.link",
		"os.remove", "os.unlink", "os.rmdir", "os.removedirs", "shutil.rmtree",
		"os.mkdir", "os.makedirs", "os.mknod", "os.mkfifo", "os.truncate",
		"os.chmod", "os.chown", "os.lchown", "os.lchmod")
	writeTargetMethods = setOf("write_text", "write_bytes", "touch", "unlink", "rmdir", "mkdir", "symlink_to", "hardlink_to", "chmod")
)

// writeTargetName reports whether writeTarget can find a path in a call
// of q (method: the attribute called).
func writeTargetName(q, method string) bool {
	return writeTargetCalls[q] || writeTargetMethods[method]
}

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// writeTarget returns the path a call writes, creates, changes or removes
// (open for writing or appending, pathlib's write_text and friends,
// shutil's copies and moves, os.rename, os.remove, os.chmod...), and what
// it does to it.
func (c *Context) writeTarget(call *ast.Call) (ast.Expr, string, bool) {
	q := c.CallName(call)
	method := ""
	if a, ok := call.Func.(*ast.Attribute); ok {
		method = a.Attr
	}
	if !writeTargetName(q, method) {
		return nil, "", false
	}
	arg := func(i int, kw string) ast.Expr {
		if i < len(call.Args) {
			return call.Args[i]
		}
		return Keyword(call, kw)
	}
	switch q {
	case "open", "io.open", "codecs.open", "builtins.open":
		mode, ok := StrConst(arg(1, "mode"))
		if !ok || !strings.ContainsAny(mode, "wax+") {
			return nil, "", false
		}
		if p := arg(0, "file"); p != nil {
			return p, "writes", true
		}
	case "os.open":
		if f := arg(1, "flags"); f != nil {
			var flags []string
			ast.Inspect(f, func(n ast.Node) bool {
				if a, ok := n.(*ast.Attribute); ok {
					flags = append(flags, a.Attr)
				}
				return true
			})
			for _, fl := range flags {
				if fl == "O_WRONLY" || fl == "O_RDWR" || fl == "O_CREAT" || fl == "O_APPEND" || fl == "O_TRUNC" {
					return arg(0, "path"), "writes", true
				}
			}
		}
	case "shutil.copy", "shutil.copy2", "shutil.copyfile", "shutil.copytree", "shutil.move",
		"os.rename", "os.replace", "os.renames", "os.symlink", "os.link":
		if p := arg(1, "dst"); p != nil {
			return p, "writes", true
		}
	case "os.remove", "os.unlink", "os.rmdir", "os.removedirs", "shutil.rmtree":
		if p := arg(0, "path"); p != nil {
			return p, "removes", true
		}
	case "os.mkdir", "os.makedirs", "os.mknod", "os.mkfifo", "os.truncate":
		if p := arg(0, "path"); p != nil {
			return p, "creates", true
		}
	case "os.chmod", "os.chown", "os.lchown", "os.lchmod":
		if p := arg(0, "path"); p != nil {
			return p, "changes", true
		}
	}
	// pathlib: Path(p).write_text(...), Path(p).unlink(), ...
	if a, ok := call.Func.(*ast.Attribute); ok {
		switch a.Attr {
		case "write_text", "write_bytes", "touch", "unlink", "rmdir", "mkdir", "symlink_to", "hardlink_to", "chmod":
			if inner, ok := a.Value.(*ast.Call); ok {
				if iq := c.QualName(inner.Func); (iq == "pathlib.Path" || iq == "pathlib.PurePath" || iq == "pathlib.PosixPath") && len(inner.Args) > 0 {
					return inner.Args[0], "writes", true
				}
			}
			if b, ok := a.Value.(*ast.BinOp); ok && b.Op == ast.Div {
				return b, "writes", true
			}
		}
	}
	return nil, "", false
}
