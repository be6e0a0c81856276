package rules

import (
	"encoding/base64"
	"encoding/hex"
	"strings"

	"github.com/pyward/pyward/python/ast"
)

// fold computes the string an expression spells when it is built only
// from literals: concatenation, `%` and `.format` of literals, `”.join`
// of literals and `chr(n)`, slicing such as `[::-1]`, `.lower()` and
// friends, and decoding a literal with base64, hex or rot13 — the tricks
// obfuscated code uses to hide a name such as "os.system". ok is false
// when any part is unknown.
func fold(e ast.Expr) (string, bool) {
	return foldDepth(e, 0)
}

func foldDepth(e ast.Expr, depth int) (string, bool) {
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
				s, ok := foldDepth(p.Value, d)
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
		l, ok1 := foldDepth(n.Left, d)
		if !ok1 {
			return "", false
		}
		switch n.Op {
		case ast.Add:
			r, ok := foldDepth(n.Right, d)
			return l + r, ok
		case ast.Mod:
			var args []ast.Expr
			if t, ok := n.Right.(*ast.Tuple); ok {
				args = t.Elts
			} else {
				args = []ast.Expr{n.Right}
			}
			return formatPercent(l, args, d)
		}
	case *ast.Subscript:
		s, ok := foldDepth(n.Value, d)
		sl, isSlice := n.Slice.(*ast.Slice)
		if !ok || !isSlice || sl.Lower != nil || sl.Upper != nil {
			return "", false
		}
		if sl.Step == nil {
			return s, true
		}
		if u, ok := sl.Step.(*ast.UnaryOp); ok && u.Op == ast.USub {
			if k, ok := intConst(u.Operand); ok && k == 1 {
				r := []rune(s)
				for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
					r[i], r[j] = r[j], r[i]
				}
				return string(r), true
			}
		}
	case *ast.Call:
		return foldCall(n, d)
	}
	return "", false
}

func foldCall(n *ast.Call, d int) (string, bool) {
	switch f := n.Func.(type) {
	case *ast.Name:
		if f.ID == "chr" && len(n.Args) == 1 {
			if k, ok := intConst(n.Args[0]); ok && k >= 0 && k < 0x110000 {
				return string(rune(k)), true
			}
		}
		if f.ID == "str" && len(n.Args) == 1 {
			return foldDepth(n.Args[0], d)
		}
	case *ast.Attribute:
		// codecs.decode(literal, 'rot13'): checked before the method cases,
		// which would try to fold the module name as a string.
		if f.Attr == "decode" && isName(f.Value, "codecs") {
			if len(n.Args) == 2 {
				s, ok1 := foldDepth(n.Args[0], d)
				enc, ok2 := StrConst(n.Args[1])
				if ok1 && ok2 {
					return decodeAs(s, enc)
				}
			}
			return "", false
		}
		switch f.Attr {
		case "join":
			sep, ok := foldDepth(f.Value, d)
			if !ok || len(n.Args) != 1 {
				return "", false
			}
			var elts []ast.Expr
			switch a := n.Args[0].(type) {
			case *ast.List:
				elts = a.Elts
			case *ast.Tuple:
				elts = a.Elts
			case *ast.ListComp, *ast.GeneratorExp:
				return foldComprehension(a, sep, d)
			default:
				return "", false
			}
			parts := make([]string, 0, len(elts))
			for _, x := range elts {
				s, ok := foldDepth(x, d)
				if !ok {
					return "", false
				}
				parts = append(parts, s)
			}
			return strings.Join(parts, sep), true
		case "lower", "upper", "strip", "decode", "encode":
			s, ok := foldDepth(f.Value, d)
			if !ok {
				return "", false
			}
			switch f.Attr {
			case "lower":
				return strings.ToLower(s), true
			case "upper":
				return strings.ToUpper(s), true
			case "strip":
				return strings.TrimSpace(s), true
			}
			if len(n.Args) > 0 {
				if enc, ok := StrConst(n.Args[0]); ok {
					return decodeAs(s, enc)
				}
			}
			return s, true
		case "format":
			s, ok := foldDepth(f.Value, d)
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
					a, ok := foldDepth(n.Args[next], d)
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
				if s, ok := foldDepth(n.Args[0], d); ok {
					return decodeAs(s, "base64")
				}
			}
		case "unhexlify", "a2b_hex", "fromhex":
			if len(n.Args) == 1 {
				if s, ok := foldDepth(n.Args[0], d); ok {
					return decodeAs(s, "hex")
				}
			}
		}
	}
	return "", false
}

// foldComprehension folds ”.join(chr(c) for c in [111, 115]).
func foldComprehension(e ast.Expr, sep string, d int) (string, bool) {
	var elt ast.Expr
	var gens []*ast.Comprehension
	switch c := e.(type) {
	case *ast.ListComp:
		elt, gens = c.Elt, c.Generators
	case *ast.GeneratorExp:
		elt, gens = c.Elt, c.Generators
	}
	if len(gens) != 1 || len(gens[0].Ifs) > 0 {
		return "", false
	}
	v, ok := gens[0].Target.(*ast.Name)
	call, ok2 := elt.(*ast.Call)
	if !ok || !ok2 || !isName(call.Func, "chr") || len(call.Args) != 1 || !isName(call.Args[0], v.ID) {
		return "", false
	}
	var elts []ast.Expr
	switch it := gens[0].Iter.(type) {
	case *ast.List:
		elts = it.Elts
	case *ast.Tuple:
		elts = it.Elts
	default:
		return "", false
	}
	parts := make([]string, 0, len(elts))
	for _, x := range elts {
		k, ok := intConst(x)
		if !ok || k < 0 || k >= 0x110000 {
			return "", false
		}
		parts = append(parts, string(rune(k)))
	}
	return strings.Join(parts, sep), true
}

func isName(e ast.Expr, id string) bool {
	n, ok := e.(*ast.Name)
	return ok && n.ID == id
}

// decodeAs decodes a folded literal with one of the codecs obfuscated
// code uses.
func decodeAs(s, enc string) (string, bool) {
	switch strings.ReplaceAll(strings.ToLower(enc), "-", "_") {
	case "base64", "base_64":
		b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(s))
		if err != nil {
			b, err = base64.URLEncoding.DecodeString(strings.TrimSpace(s))
		}
		return string(b), err == nil
	case "hex":
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
	case "utf_8", "utf8", "ascii", "latin_1", "latin1":
		return s, true
	}
	return "", false
}

// formatPercent folds 'fmt' % (args) for %s and %c.
func formatPercent(f string, args []ast.Expr, d int) (string, bool) {
	var b strings.Builder
	next := 0
	for i := 0; i < len(f); i++ {
		if f[i] != '%' || i+1 >= len(f) {
			b.WriteByte(f[i])
			continue
		}
		i++
		switch f[i] {
		case '%':
			b.WriteByte('%')
		case 's', 'r':
			if next >= len(args) {
				return "", false
			}
			s, ok := foldDepth(args[next], d)
			if !ok {
				return "", false
			}
			b.WriteString(s)
			next++
		case 'c':
			if next >= len(args) {
				return "", false
			}
			k, ok := intConst(args[next])
			if !ok || k < 0 || k >= 0x110000 {
				return "", false
			}
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

// writeTarget returns the path a call writes, creates, changes or removes
// (open for writing or appending, pathlib's write_text and friends,
// shutil's copies and moves, os.rename, os.remove, os.chmod...), and what
// it does to it.
func (c *Context) writeTarget(call *ast.Call) (ast.Expr, string, bool) {
	q := c.CallName(call)
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
