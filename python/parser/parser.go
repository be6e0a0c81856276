// Package parser is a hand-written recursive-descent parser for Python 3.13
// that produces the syntax tree CPython's ast.parse produces (package
// python/ast), positions included.
//
// Functions are named after the grammar rule they parse (CPython's
// Grammar/python.gram), with the production in a comment above. The grammar
// is PEG; nearly every choice in it is decided by one or two tokens of
// lookahead, and the few that are not (parenthesised with-items, the match
// soft keyword) are tried speculatively and rewound.
//
// The parser knows nothing about security and does no I/O.
package parser

import (
	"encoding/binary"
	"strings"
	"sync"

	"github.com/pyward/pyward/python/ast"
	"github.com/pyward/pyward/python/source"
	"github.com/pyward/pyward/python/token"
)

// File is a parsed source file.
type File struct {
	Name     string // the file name given to ParseFile, for rules that look at paths
	Module   *ast.Module
	Tok      *token.File     // line table of the decoded source
	Src      []byte          // the decoded source
	Comments []token.Comment // every comment, in order
	// OtherNames are the NAME tokens with a character outside ASCII, in
	// order (the rules look for look-alike letters in them; most files
	// have none, and the tokens themselves are not kept).
	OtherNames []token.Token
	nodes      *nodeArena // where Module's commonest nodes are (see Release)
}

// otherNames lists the NAME tokens of toks that are not ASCII.
func otherNames(src []byte, toks []token.Token) []token.Token {
	if isASCII(src) {
		return nil
	}
	var out []token.Token
	for _, t := range toks {
		if t.Kind != token.NAME {
			continue
		}
		for _, c := range src[t.Start:t.End] {
			if c >= 0x80 {
				out = append(out, t)
				break
			}
		}
	}
	return out
}

// isASCII reports whether every byte of b is below 0x80, eight at a time
// (a byte at a time it was a fiftieth of a scan).
func isASCII(b []byte) bool {
	var acc uint64
	i := 0
	for ; i+8 <= len(b); i += 8 {
		acc |= binary.LittleEndian.Uint64(b[i:])
	}
	for ; i < len(b); i++ {
		acc |= uint64(b[i])
	}
	return acc&0x8080808080808080 == 0
}

// ParseFile decodes raw (the bytes of a file, as on disk or in a git blob)
// per PEP 263 and parses it. The error, when not nil, is a *token.Error.
func ParseFile(filename string, raw []byte) (*File, error) {
	src, err := source.Decode(raw)
	if err != nil {
		return nil, err
	}
	f, err := Parse(src)
	if f != nil {
		f.Name = filename
	}
	return f, err
}

// TextFile wraps a file's text for checks that need no syntax tree, such
// as secret detection on a file that does not parse: the decoded text when
// it decodes, else the raw bytes, with its line table. Module is nil.
func TextFile(filename string, raw []byte) *File {
	src, err := source.Decode(raw)
	if err != nil {
		src = raw
	}
	tf := token.NewFile(src)
	for i, b := range src {
		if b == '\n' && i+1 < len(src) {
			tf.AddLine(int32(i + 1))
		}
	}
	f := &File{Name: filename, Tok: tf, Src: src}
	if !strings.HasSuffix(strings.ToLower(filename), ".json") {
		f.Comments = hashComments(src)
	}
	return f
}

// hashComments finds the comments of a text file in the syntax most
// configuration files share (.env, YAML, TOML, INI, shell, Dockerfile,
// properties): from a '#' that starts a line or follows a space or a tab,
// to the end of the line. A '#' inside a quoted value after a space is
// taken for one too; what a comment is used for (suppression markers)
// makes that harmless. JSON has no comments.
func hashComments(src []byte) []token.Comment {
	var out []token.Comment
	for i := 0; i < len(src); i++ {
		if src[i] != '#' || i > 0 && src[i-1] != ' ' && src[i-1] != '\t' && src[i-1] != '\n' {
			continue
		}
		end := i
		for end < len(src) && src[end] != '\n' {
			end++
		}
		out = append(out, token.Comment{Start: int32(i), End: int32(end)})
		i = end
	}
	return out
}

// maxNest bounds the depth of the syntax tree, counted in levels of
// nested expressions and blocks and in links of left-associative chains
// (`a.b.c`, `f()()`, `x[0][0]`, `1 + 1 + 1`), which nest in the tree as
// deeply as parentheses would. CPython refuses a tree deeper than about
// 3000 levels (RecursionError "maximum recursion depth exceeded during ast
// construction", or its parser's "too complex" MemoryError); we accept at
// least as much, and turn anything deeper into a syntax error instead of a
// stack overflow here or in any later walk of the tree: every recursive
// pass over it is bounded by this limit.
const maxNest = 4000

// tooComplex is the message of that syntax error.
const tooComplex = "too complex: more than 4000 levels of nested or chained expressions or blocks"

// tokenPool holds token arrays between parses: allocating and zeroing one
// for each file was a fifth of the bytes a parse allocated.
var tokenPool = sync.Pool{New: func() any { return new([]token.Token) }}

// Parse parses decoded source (UTF-8, newlines normalised to "\n").
func Parse(src []byte) (f *File, err error) {
	buf := tokenPool.Get().(*[]token.Token)
	r := token.TokenizeInto(src, *buf)
	nodes := arenas.Get().(*nodeArena)
	p := &parser{src: src, file: r.File, toks: r.Tokens, tokErr: r.Err, nodeArena: nodes}
	p.classify()
	f = &File{Tok: r.File, Src: src, Comments: r.Comments, OtherNames: otherNames(src, r.Tokens), nodes: nodes}
	defer func() {
		p.releaseNames()
		// Nothing the parse returns refers to the tokens (OtherNames
		// holds copies), so their array serves the next parse.
		*buf = r.Tokens[:0]
		tokenPool.Put(buf)
		if e := recover(); e != nil {
			se, ok := e.(*token.Error)
			if !ok {
				panic(e)
			}
			f.Release() // what was built of the tree is garbage
			f, err = nil, se
		}
	}()
	f.Module = p.parseFile()
	return f, nil
}

// parser holds the state of one parse. Tokens are produced up front; the
// parser moves an index over them and may rewind it.
type parser struct {
	src    []byte
	file   *token.File
	toks   []token.Token
	kws    []kw // keyword class of each NAME token, kwNone otherwise
	tokErr *token.Error
	p      int        // index of the current token
	prev   int32      // end offset of the last consumed token
	nest   int        // current nesting depth (recursion), see enter
	peak   int        // tree depth reached, checked against maxNest, see chainStart
	spec   int        // > 0 while parsing speculatively
	names  *nameCache // interned identifiers (see identifier)
	// Where the commonest nodes come from (see slab).
	*nodeArena
	// stack gathers lists being parsed, exprs is where they are kept
	// (see popExprs).
	stack, exprs []ast.Expr
	// stmts gathers the statements of the blocks being parsed, inner
	// blocks above outer ones (see popStmts).
	stmts []ast.Stmt
}

// syntaxFail is panicked by a speculative parse that fails; try catches it.
type syntaxFail struct{}

func (p *parser) tok() token.Token { return p.toks[p.p] }
func (p *parser) kind() token.Kind { return p.toks[p.p].Kind }
func (p *parser) peek(n int) token.Token {
	if i := p.p + n; i < len(p.toks) {
		return p.toks[i]
	}
	return p.toks[len(p.toks)-1]
}
func (p *parser) peekKind(n int) token.Kind { return p.peek(n).Kind }
func (p *parser) kwAt(i int) kw {
	if i < len(p.kws) {
		return p.kws[i]
	}
	return kwNone
}
func (p *parser) kw() kw { return p.kws[p.p] }

// next consumes the current token. It never moves past the last token
// (ENDMARKER or ERRORTOKEN).
//
// p.prev follows the last consumed token that is not NEWLINE, INDENT,
// DEDENT or ENDMARKER: CPython ends a node at its last non-whitespace token
// (_PyPegen_get_last_nonnwhitespace_token), so a compound statement ends
// with its last body statement, not with the DEDENT that closed it.
func (p *parser) next() {
	switch p.toks[p.p].Kind {
	case token.ERRORTOKEN:
		p.failTok()
	case token.NEWLINE, token.INDENT, token.DEDENT, token.ENDMARKER:
	default:
		p.prev = p.toks[p.p].End
	}
	if p.p < len(p.toks)-1 {
		p.p++
	}
}

func (p *parser) text(t token.Token) []byte { return p.src[t.Start:t.End] }

// got consumes the current token if it has kind k.
func (p *parser) got(k token.Kind) bool {
	if p.kind() == k {
		p.next()
		return true
	}
	return false
}

// gotKw consumes the current token if it is keyword k.
func (p *parser) gotKw(k kw) bool {
	if p.kws[p.p] == k {
		p.next()
		return true
	}
	return false
}

// expect consumes a token of kind k or fails with "invalid syntax".
func (p *parser) expect(k token.Kind) token.Token {
	t := p.tok()
	if t.Kind != k {
		p.errorExpected(k)
	}
	p.next()
	return t
}

func (p *parser) expectKw(k kw) token.Token {
	t := p.tok()
	if p.kw() != k {
		p.syntaxError()
	}
	p.next()
	return t
}

// enter and leave bound recursion depth: the parser recurses once per
// level of nesting, and each level is a level of the tree.
func (p *parser) enter() {
	p.nest++
	if p.nest > p.peak {
		p.deepen(p.nest)
	}
}
func (p *parser) leave() { p.nest-- }

// Left-associative chains are parsed by loops, not recursion, but each
// link wraps the tree built so far one level deeper, so the depth of the
// tree is tracked apart from p.nest: p.peak is the deepest level reached,
// as nesting levels (p.nest) and chain links add up. A chain remembers the
// peak before it, measures the depth of its first operand from its own
// level (chainStart), adds one level per link (link), and leaves the
// deeper of the two peaks (chainEnd). An operand parsed inside a link
// (`f(x)`, the right side of `+`) raises the peak only if it is deeper than
// the chain so far, so a link's depth is one more than its deepest child,
// as in the tree.
func (p *parser) chainStart() (saved int) {
	saved = p.peak
	p.peak = p.nest
	return saved
}

func (p *parser) link() { p.deepen(p.peak + 1) }

func (p *parser) chainEnd(saved int) {
	if saved > p.peak {
		p.peak = saved
	}
}

// deepen records that the tree reached depth d.
func (p *parser) deepen(d int) {
	p.peak = d
	if d > maxNest {
		p.nest, p.peak = 0, 0 // the error must not trip again while being raised
		t := p.tok()
		p.errorAt(token.SyntaxError, t.Start, t.End, tooComplex)
	}
}

// try runs fn speculatively: if it fails, the position is rewound and ok is
// false. Errors from the tokenizer also count as failure here.
func (p *parser) try(fn func()) (ok bool) {
	save, savePrev, saveNest, savePeak, saveStack, saveStmts := p.p, p.prev, p.nest, p.peak, len(p.stack), len(p.stmts)
	p.spec++
	defer func() {
		p.spec--
		if e := recover(); e != nil {
			switch e.(type) {
			case syntaxFail, *token.Error:
				p.p, p.prev, p.nest, p.peak = save, savePrev, saveNest, savePeak
				clear(p.stack[saveStack:])
				p.stack = p.stack[:saveStack]
				clear(p.stmts[saveStmts:])
				p.stmts = p.stmts[:saveStmts]
				ok = false
			default:
				panic(e)
			}
		}
	}()
	fn()
	return true
}

// parseFile parses
//
//	file: [statements] ENDMARKER
func (p *parser) parseFile() *ast.Module {
	m := &ast.Module{TypeIgnores: []*ast.TypeIgnore{}}
	for p.kind() != token.ENDMARKER {
		p.stmts = p.appendStatement(p.stmts)
	}
	m.Body = p.popStmts(0)
	return m
}

// popStmts moves the statements above mark on p.stmts into a slice of
// their own, of their number: a block's list grew by appending, one
// allocation and copy per doubling, and the lists of statements were a
// twentieth of what a parse allocated. Never nil: an empty module's body
// is an empty list.
//
// A block's statements are appended to p.stmts by appendStatement while
// the blocks inside them push and pop above; appendStatement's
// append(body, p.parseIf()) may thus write through a header read before
// an inner block grew the array, which holds the same statements up to
// len(body) (what the inner block pushed above them is popped), so the
// result is the same list.
func (p *parser) popStmts(mark int) []ast.Stmt {
	out := make([]ast.Stmt, len(p.stmts)-mark)
	copy(out, p.stmts[mark:])
	clear(p.stmts[mark:]) // the stack does not keep what the tree no longer holds
	p.stmts = p.stmts[:mark]
	return out
}

// keywords --------------------------------------------------------------

type kw uint8

const (
	kwNone kw = iota
	kwFalse
	kwNoneLit
	kwTrue
	kwAnd
	kwAs
	kwAssert
	kwAsync
	kwAwait
	kwBreak
	kwClass
	kwContinue
	kwDef
	kwDel
	kwElif
	kwElse
	kwExcept
	kwFinally
	kwFor
	kwFrom
	kwGlobal
	kwIf
	kwImport
	kwIn
	kwIs
	kwLambda
	kwNonlocal
	kwNot
	kwOr
	kwPass
	kwRaise
	kwReturn
	kwTry
	kwWhile
	kwWith
	kwYield
	// soft keywords: names everywhere but where the grammar says otherwise
	softMatch
	softCase
	softType
	softUnderscore
)

// isHard reports whether k is a reserved keyword (not a soft one).
func (k kw) isHard() bool { return k != kwNone && k < softMatch }

func keywordOf(b []byte) kw {
	if len(b) < 2 && !(len(b) == 1 && b[0] == '_') {
		return kwNone
	}
	switch string(b) {
	case "False":
		return kwFalse
	case "None":
		return kwNoneLit
	case "True":
		return kwTrue
	case "and":
		return kwAnd
	case "as":
		return kwAs
	case "assert":
		return kwAssert
	case "async":
		return kwAsync
	case "await":
		return kwAwait
	case "break":
		return kwBreak
	case "class":
		return kwClass
	case "continue":
		return kwContinue
	case "def":
		return kwDef
	case "del":
		return kwDel
	case "elif":
		return kwElif
	case "else":
		return kwElse
	case "except":
		return kwExcept
	case "finally":
		return kwFinally
	case "for":
		return kwFor
	case "from":
		return kwFrom
	case "global":
		return kwGlobal
	case "if":
		return kwIf
	case "import":
		return kwImport
	case "in":
		return kwIn
	case "is":
		return kwIs
	case "lambda":
		return kwLambda
	case "nonlocal":
		return kwNonlocal
	case "not":
		return kwNot
	case "or":
		return kwOr
	case "pass":
		return kwPass
	case "raise":
		return kwRaise
	case "return":
		return kwReturn
	case "try":
		return kwTry
	case "while":
		return kwWhile
	case "with":
		return kwWith
	case "yield":
		return kwYield
	case "match":
		return softMatch
	case "case":
		return softCase
	case "type":
		return softType
	case "_":
		return softUnderscore
	}
	return kwNone
}

// classify computes the keyword class of every NAME token once, so that
// the many keyword tests of the grammar are a byte compare.
func (p *parser) classify() {
	// The arena's array from an earlier parse when it is large enough:
	// one a file was a seventieth of what a scan allocated.
	if cap(p.nodeArena.kws) >= len(p.toks) {
		p.kws = p.nodeArena.kws[:len(p.toks)]
		clear(p.kws)
	} else {
		p.kws = make([]kw, len(p.toks))
		p.nodeArena.kws = p.kws
	}
	for i, t := range p.toks {
		if t.Kind == token.NAME {
			p.kws[i] = keywordOf(p.src[t.Start:t.End])
		}
	}
}
