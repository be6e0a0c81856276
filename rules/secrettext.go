package rules

import (
	"bytes"
	"encoding/binary"
	"sort"
	"sync"

	"github.com/pyward/pyward/python/ast"
)

// Secrets assigned to names in text: NAME=value lines of .env files and
// of .env blocks pasted in strings, name: value in YAML, "name": "value"
// in JSON, name = value in INI and properties files, and the same in
// comments and docstrings. The scan is by hand, from each occurrence of
// a credential word in a lower-cased copy of the text: a word that does
// not end a name, or a name without an assignment after it, costs a few
// byte comparisons, so files full of "key" stay cheap.

// envLiterals prefilter the files (see secretHint): without one of these
// words no name in the file can be a secret's.
var envLiterals = []string{"assw", "ASSW", "ecret", "ECRET", "oken", "OKEN", "pwd", "PWD", "_key", "_KEY", "-key", "-Key", "-KEY",
	"apikey", "APIKEY", "ApiKey", "apiKey", "redential", "REDENTIAL"}

// secretWords are the words a secret's name ends with, lower case.
var secretWords = [][]byte{[]byte("password"), []byte("passwd"), []byte("passphrase"), []byte("pwd"), []byte("secret"),
	[]byte("token"), []byte("key"), []byte("credential"), []byte("credentials")}

func isNameByte(c byte) bool {
	return isAlnum(c) || c == '_' || c == '-' || c == '.'
}

// namedSecrets returns the spans of values assigned in text to names
// that secretName accepts, which looksSecret accepts, and whether each
// value is quoted (1) or bare (0).
func namedSecrets(src []byte) [][3]int {
	// The copy is scratch: its array serves the next file's scan.
	buf := lowerPool.Get().(*[]byte)
	if cap(*buf) < len(src) {
		*buf = make([]byte, len(src))
	}
	low := asciiLowerInto((*buf)[:len(src)], src)
	defer lowerPool.Put(buf)
	var out [][3]int
	seen := map[int]bool{}
	for _, g := range secretWordGroups {
		for off := 0; ; {
			i := bytes.Index(low[off:], g.root)
			if i < 0 {
				break
			}
			i += off
			off = i + 1
			for _, w := range g.words {
				if !bytes.HasPrefix(low[i:], w) {
					continue
				}
				e := i + len(w)
				if e < len(src) && (isAlnum(src[e]) || src[e] == '_') {
					continue // the word does not end the name
				}
				s := i
				for s > 0 && isNameByte(src[s-1]) {
					s--
				}
				if s > 0 && (src[s-1] == ':' || src[s-1] == '/') {
					continue // a segment of an ARN or a path: arn:…:secret:name
				}
				vs, ve, ok := assignedValue(src, e)
				if ok && !seen[vs] && namedSecret(string(src[s:e]), string(src[vs:ve])) {
					seen[vs] = true
					quoted := 0
					if vs > 0 && (src[vs-1] == '"' || src[vs-1] == '\'') {
						quoted = 1
					}
					out = append(out, [3]int{vs, ve, quoted})
				}
			}
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a][0] < out[b][0] })
	return out
}

var lowerPool = sync.Pool{New: func() any { return new([]byte) }}

// secretWordGroups are secretWords by their first four letters, so that
// one search finds password, passwd and passphrase (none of the words
// overlaps itself, so each place a word is is one its root is).
var secretWordGroups = func() []wordGroup {
	var out []wordGroup
	index := map[string]int{}
	for _, w := range secretWords {
		root := string(w[:min(4, len(w))])
		i, ok := index[root]
		if !ok {
			i = len(out)
			index[root] = i
			out = append(out, wordGroup{root: []byte(root)})
		}
		out[i].words = append(out[i].words, w)
	}
	return out
}()

type wordGroup struct {
	root  []byte
	words [][]byte
}

// asciiLowerInto lower-cases the ASCII letters of src into low, of the
// same length, so that offsets in it are offsets in src (bytes.ToLower maps
// some characters to longer ones, 'İ' to "i̇", and is slower). Eight
// bytes at a time: a byte from A to Z gets 0x20 added, others stay.
func asciiLowerInto(low, src []byte) []byte {
	const ones = 0x0101010101010101
	i := 0
	for ; i+8 <= len(src); i += 8 {
		x := binary.LittleEndian.Uint64(src[i:])
		h := x & (0x7f * ones)                                   // each byte's low seven bits
		upper := (h + (0x80-'A')*ones) ^ (h + (0x80-'Z'-1)*ones) // bit 7: 'A' <= b <= 'Z' (of seven bits)
		upper &= ^x & (0x80 * ones)                              // ... and the byte is ASCII
		binary.LittleEndian.PutUint64(low[i:], x|upper>>2)
	}
	for ; i < len(src); i++ {
		b := src[i]
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		low[i] = b
	}
	return low
}

// assignedValue reads what follows a name at i: an optional closing
// quote, spaces, = or : (not ==), spaces, then a quoted value or a bare
// one up to a space, a quote or a separator.
func assignedValue(src []byte, i int) (int, int, bool) {
	quotedName := i < len(src) && (src[i] == '"' || src[i] == '\'')
	if quotedName {
		i++
	}
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	if i >= len(src) || src[i] != '=' && src[i] != ':' || i+1 < len(src) && src[i+1] == '=' {
		return 0, 0, false
	}
	// A colon assigns in YAML only before a space ("key: value"), in
	// JSON after a quoted name; "secret:name" is one word.
	if src[i] == ':' && !quotedName && (i+1 >= len(src) || src[i+1] != ' ' && src[i+1] != '\t') {
		return 0, 0, false
	}
	i++
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	if i < len(src) && (src[i] == 'b' || src[i] == 'r' || src[i] == 'u') && i+1 < len(src) && (src[i+1] == '"' || src[i+1] == '\'') {
		i++
	}
	if i < len(src) && (src[i] == '"' || src[i] == '\'') {
		q := src[i]
		j := i + 1
		for j < len(src) && src[j] != q && src[j] != '\n' && j-i < 600 {
			j++
		}
		if j >= len(src) || src[j] != q {
			return 0, 0, false
		}
		return i + 1, j, true
	}
	j := i
	for j < len(src) && src[j] > ' ' && src[j] != '"' && src[j] != '\'' && src[j] != '`' && src[j] != '#' && src[j] != ',' && src[j] != ';' &&
		src[j] != '&' && src[j] != ')' && src[j] != '(' && src[j] != '[' && src[j] != ']' && src[j] != '}' && src[j] != '{' && j-i < 600 {
		j++
	}
	// A bare value must end where the line or the word does, not run
	// into an expression (password=get(…)).
	if j < len(src) && (src[j] == '(' || src[j] == '[' || src[j] == '{' || src[j] == '`') {
		return 0, 0, false
	}
	// Nor is a bare value a path (a credential scope a/b/c/d) or a
	// reference (:py:class:…).
	if j > i && (src[i] == ':' || bytes.Count(src[i:j], []byte("/")) > 2) {
		return 0, 0, false
	}
	return i, j, j > i
}

// reportNamedInText reports named secrets in the text. In a parsed
// Python file only those inside a comment or a string count: in code the
// syntax-tree checks see assignments, calls and dicts.
func (c *Context) reportNamedInText() {
	if !c.secretHint(envLiteralsHint) {
		return
	}
	spans := namedSecrets(c.File.Src)
	if len(spans) == 0 {
		return
	}
	var regions [][2]int32
	if c.File.Module != nil {
		for _, cm := range c.File.Comments {
			regions = append(regions, [2]int32{cm.Start, cm.End})
		}
		ast.Inspect(c.File.Module, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Constant:
				if n.Kind == ast.ConstStr || n.Kind == ast.ConstBytes {
					regions = append(regions, [2]int32{n.Pos(), n.End()})
				}
			case *ast.JoinedStr:
				regions = append(regions, [2]int32{n.Pos(), n.End()})
				return false
			}
			return true
		})
	}
	for _, sp := range spans {
		s, e := int32(sp[0]), int32(sp[1])
		// In Python's comments and strings only bare values count: a
		// .env block (NAME=value) is pasted configuration, while a
		// quoted value there (passwd='…' in a docstring) is an example
		// of code.
		if c.File.Module != nil && (sp[2] == 1 || !inside(regions, s, e)) {
			continue
		}
		c.ReportSpan(s, e, c.rule.Severity, c.rule.Confidence, c.rule.Message)
	}
}

// inside reports whether s..e lies within one of the regions, and not as
// the whole of a string (a quoted value in code is the nodes' to judge).
func inside(regions [][2]int32, s, e int32) bool {
	for _, r := range regions {
		if r[0] <= s && e <= r[1] && !(r[0] >= s-2 && r[1] <= e+2) {
			return true
		}
	}
	return false
}

var envLiteralsHint = newHint(envLiterals)
