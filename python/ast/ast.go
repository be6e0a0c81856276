// Package ast declares the syntax tree of Python source, mirroring CPython's
// ast module: the same node names, the same fields in the same order, the
// same optional fields. Every Python security rule is described in terms of
// CPython's ast, and CPython is then an exact oracle for our parser.
//
// Positions are byte offsets into the decoded source (see python/token.File);
// line and column are computed on demand. Struct tags name each field as
// CPython does (`py:"decorator_list"`), with ",opt" on optional fields (`?` in
// the ASDL), which ast.dump omits when they are empty.
//
// The package knows nothing about security and does no I/O.
package ast

import (
	"math/big"
)

// Node is any syntax tree node.
type Node interface {
	node()
}

// Located is a node with a source range: CPython's lineno, col_offset,
// end_lineno and end_col_offset attributes.
type Located interface {
	Node
	Pos() int32 // offset of the first byte
	End() int32 // offset just past the last byte
}

// Loc is the source range embedded in every node that has one.
type Loc struct {
	Start, Stop int32
}

func (l *Loc) Pos() int32 { return l.Start }
func (l *Loc) End() int32 { return l.Stop }

// SetLoc sets the range.
func (l *Loc) SetLoc(start, stop int32) { l.Start, l.Stop = start, stop }

// Expr is an expression node.
type Expr interface {
	Located
	exprNode()
}

// Stmt is a statement node.
type Stmt interface {
	Located
	stmtNode()
}

// Pattern is a match-statement pattern node.
type Pattern interface {
	Located
	patternNode()
}

// TypeParam is a type parameter (PEP 695): TypeVar, ParamSpec or TypeVarTuple.
type TypeParam interface {
	Located
	typeParamNode()
}

// ---------------------------------------------------------------------------
// Modules

// Module is a parsed file.
type Module struct {
	Body        []Stmt        `py:"body"`
	TypeIgnores []*TypeIgnore `py:"type_ignores"`
}

// TypeIgnore is a `# type: ignore` comment (collected only when type
// comments are requested, which ast.parse does not do by default).
type TypeIgnore struct {
	Lineno int    `py:"lineno"`
	Tag    string `py:"tag"`
}

// ---------------------------------------------------------------------------
// Statements

type FunctionDef struct {
	Loc
	Name          string      `py:"name"`
	Args          *Arguments  `py:"args"`
	Body          []Stmt      `py:"body"`
	DecoratorList []Expr      `py:"decorator_list"`
	Returns       Expr        `py:"returns,opt"`
	TypeComment   *string     `py:"type_comment,opt"`
	TypeParams    []TypeParam `py:"type_params,new"` // 3.12; dumped only when not empty
}

type AsyncFunctionDef struct {
	Loc
	Name          string      `py:"name"`
	Args          *Arguments  `py:"args"`
	Body          []Stmt      `py:"body"`
	DecoratorList []Expr      `py:"decorator_list"`
	Returns       Expr        `py:"returns,opt"`
	TypeComment   *string     `py:"type_comment,opt"`
	TypeParams    []TypeParam `py:"type_params,new"`
}

type ClassDef struct {
	Loc
	Name          string      `py:"name"`
	Bases         []Expr      `py:"bases"`
	Keywords      []*Keyword  `py:"keywords"`
	Body          []Stmt      `py:"body"`
	DecoratorList []Expr      `py:"decorator_list"`
	TypeParams    []TypeParam `py:"type_params,new"`
}

type Return struct {
	Loc
	Value Expr `py:"value,opt"`
}

type Delete struct {
	Loc
	Targets []Expr `py:"targets"`
}

type Assign struct {
	Loc
	Targets     []Expr  `py:"targets"`
	Value       Expr    `py:"value"`
	TypeComment *string `py:"type_comment,opt"`
}

// TypeAlias is `type X[T] = ...` (3.12).
type TypeAlias struct {
	Loc
	Name       Expr        `py:"name"`
	TypeParams []TypeParam `py:"type_params"`
	Value      Expr        `py:"value"`
}

type AugAssign struct {
	Loc
	Target Expr     `py:"target"`
	Op     Operator `py:"op"`
	Value  Expr     `py:"value"`
}

type AnnAssign struct {
	Loc
	Target     Expr `py:"target"`
	Annotation Expr `py:"annotation"`
	Value      Expr `py:"value,opt"`
	Simple     int  `py:"simple"`
}

type For struct {
	Loc
	Target      Expr    `py:"target"`
	Iter        Expr    `py:"iter"`
	Body        []Stmt  `py:"body"`
	Orelse      []Stmt  `py:"orelse"`
	TypeComment *string `py:"type_comment,opt"`
}

type AsyncFor struct {
	Loc
	Target      Expr    `py:"target"`
	Iter        Expr    `py:"iter"`
	Body        []Stmt  `py:"body"`
	Orelse      []Stmt  `py:"orelse"`
	TypeComment *string `py:"type_comment,opt"`
}

type While struct {
	Loc
	Test   Expr   `py:"test"`
	Body   []Stmt `py:"body"`
	Orelse []Stmt `py:"orelse"`
}

type If struct {
	Loc
	Test   Expr   `py:"test"`
	Body   []Stmt `py:"body"`
	Orelse []Stmt `py:"orelse"`
}

type With struct {
	Loc
	Items       []*WithItem `py:"items"`
	Body        []Stmt      `py:"body"`
	TypeComment *string     `py:"type_comment,opt"`
}

type AsyncWith struct {
	Loc
	Items       []*WithItem `py:"items"`
	Body        []Stmt      `py:"body"`
	TypeComment *string     `py:"type_comment,opt"`
}

type Match struct {
	Loc
	Subject Expr         `py:"subject"`
	Cases   []*MatchCase `py:"cases"`
}

type Raise struct {
	Loc
	Exc   Expr `py:"exc,opt"`
	Cause Expr `py:"cause,opt"`
}

type Try struct {
	Loc
	Body      []Stmt           `py:"body"`
	Handlers  []*ExceptHandler `py:"handlers"`
	Orelse    []Stmt           `py:"orelse"`
	Finalbody []Stmt           `py:"finalbody"`
}

type TryStar struct {
	Loc
	Body      []Stmt           `py:"body"`
	Handlers  []*ExceptHandler `py:"handlers"`
	Orelse    []Stmt           `py:"orelse"`
	Finalbody []Stmt           `py:"finalbody"`
}

type Assert struct {
	Loc
	Test Expr `py:"test"`
	Msg  Expr `py:"msg,opt"`
}

type Import struct {
	Loc
	Names []*Alias `py:"names"`
}

type ImportFrom struct {
	Loc
	Module *string  `py:"module,opt"`
	Names  []*Alias `py:"names"`
	Level  int      `py:"level"`
}

type Global struct {
	Loc
	Names []string `py:"names"`
}

type Nonlocal struct {
	Loc
	Names []string `py:"names"`
}

// ExprStmt is CPython's Expr statement: an expression evaluated for effect.
type ExprStmt struct {
	Loc
	Value Expr `py:"value"`
}

type Pass struct{ Loc }
type Break struct{ Loc }
type Continue struct{ Loc }

// ---------------------------------------------------------------------------
// Expressions

type BoolOp struct {
	Loc
	Op     BoolOperator `py:"op"`
	Values []Expr       `py:"values"`
}

type NamedExpr struct {
	Loc
	Target Expr `py:"target"`
	Value  Expr `py:"value"`
}

type BinOp struct {
	Loc
	Left  Expr     `py:"left"`
	Op    Operator `py:"op"`
	Right Expr     `py:"right"`
}

type UnaryOp struct {
	Loc
	Op      UnaryOperator `py:"op"`
	Operand Expr          `py:"operand"`
}

type Lambda struct {
	Loc
	Args *Arguments `py:"args"`
	Body Expr       `py:"body"`
}

type IfExp struct {
	Loc
	Test   Expr `py:"test"`
	Body   Expr `py:"body"`
	Orelse Expr `py:"orelse"`
}

// Dict is a dict display. A nil key stands for a `**mapping` entry.
type Dict struct {
	Loc
	Keys   []Expr `py:"keys"`
	Values []Expr `py:"values"`
}

type Set struct {
	Loc
	Elts []Expr `py:"elts"`
}

type ListComp struct {
	Loc
	Elt        Expr             `py:"elt"`
	Generators []*Comprehension `py:"generators"`
}

type SetComp struct {
	Loc
	Elt        Expr             `py:"elt"`
	Generators []*Comprehension `py:"generators"`
}

type DictComp struct {
	Loc
	Key        Expr             `py:"key"`
	Value      Expr             `py:"value"`
	Generators []*Comprehension `py:"generators"`
}

type GeneratorExp struct {
	Loc
	Elt        Expr             `py:"elt"`
	Generators []*Comprehension `py:"generators"`
}

type Await struct {
	Loc
	Value Expr `py:"value"`
}

type Yield struct {
	Loc
	Value Expr `py:"value,opt"`
}

type YieldFrom struct {
	Loc
	Value Expr `py:"value"`
}

type Compare struct {
	Loc
	Left        Expr    `py:"left"`
	Ops         []CmpOp `py:"ops"`
	Comparators []Expr  `py:"comparators"`
}

type Call struct {
	Loc
	Func     Expr       `py:"func"`
	Args     []Expr     `py:"args"`
	Keywords []*Keyword `py:"keywords"`
}

// FormattedValue is one replacement field of an f-string. Conversion is -1
// (none) or the code point of 's', 'r' or 'a'.
type FormattedValue struct {
	Loc
	Value      Expr `py:"value"`
	Conversion int  `py:"conversion"`
	FormatSpec Expr `py:"format_spec,opt"`
}

type JoinedStr struct {
	Loc
	Values []Expr `py:"values"`
}

// ConstKind says which Python type a Constant holds.
type ConstKind uint8

const (
	ConstNone ConstKind = iota
	ConstTrue
	ConstFalse
	ConstEllipsis
	ConstInt
	ConstFloat
	ConstComplex // a pure imaginary literal such as 2j; Float holds the imaginary part
	ConstStr
	ConstBytes
)

// Constant is a literal. Which fields hold the value depends on Kind:
//   - ConstInt: Int, or BigInt when the value does not fit in an int64;
//   - ConstFloat, ConstComplex: Float;
//   - ConstStr: Str, as WTF-8 (UTF-8 that may also encode lone surrogates,
//     which Python strings can hold and '\ud800' escapes produce);
//   - ConstBytes: Str, the raw bytes.
//
// U is CPython's kind field: true when the first string had a u prefix.
type Constant struct {
	Loc
	Kind   ConstKind
	U      bool // beside Kind: 56 bytes instead of 64, for the commonest node
	Int    int64
	BigInt *big.Int
	Float  float64
	Str    string
}

type Attribute struct {
	Loc
	Value Expr        `py:"value"`
	Attr  string      `py:"attr"`
	Ctx   ExprContext `py:"ctx"`
}

type Subscript struct {
	Loc
	Value Expr        `py:"value"`
	Slice Expr        `py:"slice"`
	Ctx   ExprContext `py:"ctx"`
}

type Starred struct {
	Loc
	Value Expr        `py:"value"`
	Ctx   ExprContext `py:"ctx"`
}

type Name struct {
	Loc
	ID  string      `py:"id"`
	Ctx ExprContext `py:"ctx"`
}

type List struct {
	Loc
	Elts []Expr      `py:"elts"`
	Ctx  ExprContext `py:"ctx"`
}

type Tuple struct {
	Loc
	Elts []Expr      `py:"elts"`
	Ctx  ExprContext `py:"ctx"`
}

type Slice struct {
	Loc
	Lower Expr `py:"lower,opt"`
	Upper Expr `py:"upper,opt"`
	Step  Expr `py:"step,opt"`
}

// ---------------------------------------------------------------------------
// Enumerations

// ExprContext is Load, Store or Del.
type ExprContext uint8

const (
	Load ExprContext = iota
	Store
	Del
)

func (c ExprContext) String() string { return [...]string{"Load", "Store", "Del"}[c] }

// BoolOperator is And or Or.
type BoolOperator uint8

const (
	And BoolOperator = iota
	Or
)

func (o BoolOperator) String() string { return [...]string{"And", "Or"}[o] }

// Operator is a binary arithmetic or bitwise operator.
type Operator uint8

const (
	Add Operator = iota
	Sub
	Mult
	MatMult
	Div
	Mod
	Pow
	LShift
	RShift
	BitOr
	BitXor
	BitAnd
	FloorDiv
)

func (o Operator) String() string {
	return [...]string{"Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow", "LShift",
		"RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv"}[o]
}

// UnaryOperator is Invert, Not, UAdd or USub.
type UnaryOperator uint8

const (
	Invert UnaryOperator = iota
	Not
	UAdd
	USub
)

func (o UnaryOperator) String() string { return [...]string{"Invert", "Not", "UAdd", "USub"}[o] }

// CmpOp is a comparison operator.
type CmpOp uint8

const (
	Eq CmpOp = iota
	NotEq
	Lt
	LtE
	Gt
	GtE
	Is
	IsNot
	In
	NotIn
)

func (o CmpOp) String() string {
	return [...]string{"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"}[o]
}

// ---------------------------------------------------------------------------
// Other nodes

// Comprehension is one `for ... in ... if ...` clause. It has no position.
type Comprehension struct {
	Target  Expr   `py:"target"`
	Iter    Expr   `py:"iter"`
	Ifs     []Expr `py:"ifs"`
	IsAsync int    `py:"is_async"`
}

type ExceptHandler struct {
	Loc
	Type Expr    `py:"type,opt"`
	Name *string `py:"name,opt"`
	Body []Stmt  `py:"body"`
}

// Arguments is a parameter list. It has no position.
type Arguments struct {
	Posonlyargs []*Arg `py:"posonlyargs"`
	Args        []*Arg `py:"args"`
	Vararg      *Arg   `py:"vararg,opt"`
	Kwonlyargs  []*Arg `py:"kwonlyargs"`
	KwDefaults  []Expr `py:"kw_defaults"` // nil entries where a keyword-only parameter has no default
	Kwarg       *Arg   `py:"kwarg,opt"`
	Defaults    []Expr `py:"defaults"`
}

type Arg struct {
	Loc
	Arg         string  `py:"arg"`
	Annotation  Expr    `py:"annotation,opt"`
	TypeComment *string `py:"type_comment,opt"`
}

// Keyword is `name=value` in a call or class definition, or `**value` when
// Arg is nil.
type Keyword struct {
	Loc
	Arg   *string `py:"arg,opt"`
	Value Expr    `py:"value"`
}

type Alias struct {
	Loc
	Name   string  `py:"name"`
	Asname *string `py:"asname,opt"`
}

// WithItem is one context manager of a with statement. It has no position.
type WithItem struct {
	ContextExpr  Expr `py:"context_expr"`
	OptionalVars Expr `py:"optional_vars,opt"`
}

// MatchCase is one case block. It has no position.
type MatchCase struct {
	Pattern Pattern `py:"pattern"`
	Guard   Expr    `py:"guard,opt"`
	Body    []Stmt  `py:"body"`
}

// ---------------------------------------------------------------------------
// Patterns

type MatchValue struct {
	Loc
	Value Expr `py:"value"`
}

// MatchSingleton matches None, True or False; Value is a Constant of that kind.
type MatchSingleton struct {
	Loc
	Value *Constant `py:"value"`
}

type MatchSequence struct {
	Loc
	Patterns []Pattern `py:"patterns"`
}

type MatchMapping struct {
	Loc
	Keys     []Expr    `py:"keys"`
	Patterns []Pattern `py:"patterns"`
	Rest     *string   `py:"rest,opt"`
}

type MatchClass struct {
	Loc
	Cls         Expr      `py:"cls"`
	Patterns    []Pattern `py:"patterns"`
	KwdAttrs    []string  `py:"kwd_attrs"`
	KwdPatterns []Pattern `py:"kwd_patterns"`
}

type MatchStar struct {
	Loc
	Name *string `py:"name,opt"`
}

type MatchAs struct {
	Loc
	Pattern Pattern `py:"pattern,opt"`
	Name    *string `py:"name,opt"`
}

type MatchOr struct {
	Loc
	Patterns []Pattern `py:"patterns"`
}

// ---------------------------------------------------------------------------
// Type parameters (3.12; default values 3.13)

type TypeVar struct {
	Loc
	Name         string `py:"name"`
	Bound        Expr   `py:"bound,opt"`
	DefaultValue Expr   `py:"default_value,opt,new"`
}

type ParamSpec struct {
	Loc
	Name         string `py:"name"`
	DefaultValue Expr   `py:"default_value,opt,new"`
}

type TypeVarTuple struct {
	Loc
	Name         string `py:"name"`
	DefaultValue Expr   `py:"default_value,opt,new"`
}

// ---------------------------------------------------------------------------
// Interface membership

func (*Module) node()     {}
func (*TypeIgnore) node() {}

func (*FunctionDef) node()      {}
func (*AsyncFunctionDef) node() {}
func (*ClassDef) node()         {}
func (*Return) node()           {}
func (*Delete) node()           {}
func (*Assign) node()           {}
func (*TypeAlias) node()        {}
func (*AugAssign) node()        {}
func (*AnnAssign) node()        {}
func (*For) node()              {}
func (*AsyncFor) node()         {}
func (*While) node()            {}
func (*If) node()               {}
func (*With) node()             {}
func (*AsyncWith) node()        {}
func (*Match) node()            {}
func (*Raise) node()            {}
func (*Try) node()              {}
func (*TryStar) node()          {}
func (*Assert) node()           {}
func (*Import) node()           {}
func (*ImportFrom) node()       {}
func (*Global) node()           {}
func (*Nonlocal) node()         {}
func (*ExprStmt) node()         {}
func (*Pass) node()             {}
func (*Break) node()            {}
func (*Continue) node()         {}

func (*FunctionDef) stmtNode()      {}
func (*AsyncFunctionDef) stmtNode() {}
func (*ClassDef) stmtNode()         {}
func (*Return) stmtNode()           {}
func (*Delete) stmtNode()           {}
func (*Assign) stmtNode()           {}
func (*TypeAlias) stmtNode()        {}
func (*AugAssign) stmtNode()        {}
func (*AnnAssign) stmtNode()        {}
func (*For) stmtNode()              {}
func (*AsyncFor) stmtNode()         {}
func (*While) stmtNode()            {}
func (*If) stmtNode()               {}
func (*With) stmtNode()             {}
func (*AsyncWith) stmtNode()        {}
func (*Match) stmtNode()            {}
func (*Raise) stmtNode()            {}
func (*Try) stmtNode()              {}
func (*TryStar) stmtNode()          {}
func (*Assert) stmtNode()           {}
func (*Import) stmtNode()           {}
func (*ImportFrom) stmtNode()       {}
func (*Global) stmtNode()           {}
func (*Nonlocal) stmtNode()         {}
func (*ExprStmt) stmtNode()         {}
func (*Pass) stmtNode()             {}
func (*Break) stmtNode()            {}
func (*Continue) stmtNode()         {}

func (*BoolOp) node()         {}
func (*NamedExpr) node()      {}
func (*BinOp) node()          {}
func (*UnaryOp) node()        {}
func (*Lambda) node()         {}
func (*IfExp) node()          {}
func (*Dict) node()           {}
func (*Set) node()            {}
func (*ListComp) node()       {}
func (*SetComp) node()        {}
func (*DictComp) node()       {}
func (*GeneratorExp) node()   {}
func (*Await) node()          {}
func (*Yield) node()          {}
func (*YieldFrom) node()      {}
func (*Compare) node()        {}
func (*Call) node()           {}
func (*FormattedValue) node() {}
func (*JoinedStr) node()      {}
func (*Constant) node()       {}
func (*Attribute) node()      {}
func (*Subscript) node()      {}
func (*Starred) node()        {}
func (*Name) node()           {}
func (*List) node()           {}
func (*Tuple) node()          {}
func (*Slice) node()          {}

func (*BoolOp) exprNode()         {}
func (*NamedExpr) exprNode()      {}
func (*BinOp) exprNode()          {}
func (*UnaryOp) exprNode()        {}
func (*Lambda) exprNode()         {}
func (*IfExp) exprNode()          {}
func (*Dict) exprNode()           {}
func (*Set) exprNode()            {}
func (*ListComp) exprNode()       {}
func (*SetComp) exprNode()        {}
func (*DictComp) exprNode()       {}
func (*GeneratorExp) exprNode()   {}
func (*Await) exprNode()          {}
func (*Yield) exprNode()          {}
func (*YieldFrom) exprNode()      {}
func (*Compare) exprNode()        {}
func (*Call) exprNode()           {}
func (*FormattedValue) exprNode() {}
func (*JoinedStr) exprNode()      {}
func (*Constant) exprNode()       {}
func (*Attribute) exprNode()      {}
func (*Subscript) exprNode()      {}
func (*Starred) exprNode()        {}
func (*Name) exprNode()           {}
func (*List) exprNode()           {}
func (*Tuple) exprNode()          {}
func (*Slice) exprNode()          {}

func (*Comprehension) node() {}
func (*ExceptHandler) node() {}
func (*Arguments) node()     {}
func (*Arg) node()           {}
func (*Keyword) node()       {}
func (*Alias) node()         {}
func (*WithItem) node()      {}
func (*MatchCase) node()     {}

func (*MatchValue) node()     {}
func (*MatchSingleton) node() {}
func (*MatchSequence) node()  {}
func (*MatchMapping) node()   {}
func (*MatchClass) node()     {}
func (*MatchStar) node()      {}
func (*MatchAs) node()        {}
func (*MatchOr) node()        {}

func (*MatchValue) patternNode()     {}
func (*MatchSingleton) patternNode() {}
func (*MatchSequence) patternNode()  {}
func (*MatchMapping) patternNode()   {}
func (*MatchClass) patternNode()     {}
func (*MatchStar) patternNode()      {}
func (*MatchAs) patternNode()        {}
func (*MatchOr) patternNode()        {}

func (*TypeVar) node()      {}
func (*ParamSpec) node()    {}
func (*TypeVarTuple) node() {}

func (*TypeVar) typeParamNode()      {}
func (*ParamSpec) typeParamNode()    {}
func (*TypeVarTuple) typeParamNode() {}
