package ast

// Visitor's Visit is called for each node met by Walk. If it returns a
// non-nil visitor w, Walk visits each child of the node with w, then calls
// w.Visit(nil).
type Visitor interface {
	Visit(n Node) (w Visitor)
}

// Walk traverses the tree rooted at n in depth-first order, children in
// the order of CPython's fields. It is the one traversal everyone uses.
func Walk(v Visitor, n Node) {
	if v = v.Visit(n); v == nil {
		return
	}
	switch n := n.(type) {
	case *Module:
		walkStmts(v, n.Body)
	case *TypeIgnore:

	case *FunctionDef:
		walkExprs(v, n.DecoratorList)
		walkTypeParams(v, n.TypeParams)
		Walk(v, n.Args)
		walkExpr(v, n.Returns)
		walkStmts(v, n.Body)
	case *AsyncFunctionDef:
		walkExprs(v, n.DecoratorList)
		walkTypeParams(v, n.TypeParams)
		Walk(v, n.Args)
		walkExpr(v, n.Returns)
		walkStmts(v, n.Body)
	case *ClassDef:
		walkExprs(v, n.DecoratorList)
		walkTypeParams(v, n.TypeParams)
		walkExprs(v, n.Bases)
		for _, k := range n.Keywords {
			Walk(v, k)
		}
		walkStmts(v, n.Body)
	case *Return:
		walkExpr(v, n.Value)
	case *Delete:
		walkExprs(v, n.Targets)
	case *Assign:
		walkExprs(v, n.Targets)
		walkExpr(v, n.Value)
	case *TypeAlias:
		walkExpr(v, n.Name)
		walkTypeParams(v, n.TypeParams)
		walkExpr(v, n.Value)
	case *AugAssign:
		walkExpr(v, n.Target)
		walkExpr(v, n.Value)
	case *AnnAssign:
		walkExpr(v, n.Target)
		walkExpr(v, n.Annotation)
		walkExpr(v, n.Value)
	case *For:
		walkExpr(v, n.Target)
		walkExpr(v, n.Iter)
		walkStmts(v, n.Body)
		walkStmts(v, n.Orelse)
	case *AsyncFor:
		walkExpr(v, n.Target)
		walkExpr(v, n.Iter)
		walkStmts(v, n.Body)
		walkStmts(v, n.Orelse)
	case *While:
		walkExpr(v, n.Test)
		walkStmts(v, n.Body)
		walkStmts(v, n.Orelse)
	case *If:
		walkExpr(v, n.Test)
		walkStmts(v, n.Body)
		walkStmts(v, n.Orelse)
	case *With:
		for _, it := range n.Items {
			Walk(v, it)
		}
		walkStmts(v, n.Body)
	case *AsyncWith:
		for _, it := range n.Items {
			Walk(v, it)
		}
		walkStmts(v, n.Body)
	case *Match:
		walkExpr(v, n.Subject)
		for _, c := range n.Cases {
			Walk(v, c)
		}
	case *Raise:
		walkExpr(v, n.Exc)
		walkExpr(v, n.Cause)
	case *Try:
		walkStmts(v, n.Body)
		for _, h := range n.Handlers {
			Walk(v, h)
		}
		walkStmts(v, n.Orelse)
		walkStmts(v, n.Finalbody)
	case *TryStar:
		walkStmts(v, n.Body)
		for _, h := range n.Handlers {
			Walk(v, h)
		}
		walkStmts(v, n.Orelse)
		walkStmts(v, n.Finalbody)
	case *Assert:
		walkExpr(v, n.Test)
		walkExpr(v, n.Msg)
	case *Import:
		for _, a := range n.Names {
			Walk(v, a)
		}
	case *ImportFrom:
		for _, a := range n.Names {
			Walk(v, a)
		}
	case *ExprStmt:
		walkExpr(v, n.Value)
	case *Global, *Nonlocal, *Pass, *Break, *Continue:

	case *BoolOp:
		walkExprs(v, n.Values)
	case *NamedExpr:
		walkExpr(v, n.Target)
		walkExpr(v, n.Value)
	case *BinOp:
		walkExpr(v, n.Left)
		walkExpr(v, n.Right)
	case *UnaryOp:
		walkExpr(v, n.Operand)
	case *Lambda:
		Walk(v, n.Args)
		walkExpr(v, n.Body)
	case *IfExp:
		walkExpr(v, n.Test)
		walkExpr(v, n.Body)
		walkExpr(v, n.Orelse)
	case *Dict:
		for i, val := range n.Values {
			walkExpr(v, n.Keys[i]) // nil for **mapping entries
			walkExpr(v, val)
		}
	case *Set:
		walkExprs(v, n.Elts)
	case *ListComp:
		walkExpr(v, n.Elt)
		walkComps(v, n.Generators)
	case *SetComp:
		walkExpr(v, n.Elt)
		walkComps(v, n.Generators)
	case *DictComp:
		walkExpr(v, n.Key)
		walkExpr(v, n.Value)
		walkComps(v, n.Generators)
	case *GeneratorExp:
		walkExpr(v, n.Elt)
		walkComps(v, n.Generators)
	case *Await:
		walkExpr(v, n.Value)
	case *Yield:
		walkExpr(v, n.Value)
	case *YieldFrom:
		walkExpr(v, n.Value)
	case *Compare:
		walkExpr(v, n.Left)
		walkExprs(v, n.Comparators)
	case *Call:
		walkExpr(v, n.Func)
		walkExprs(v, n.Args)
		for _, k := range n.Keywords {
			Walk(v, k)
		}
	case *FormattedValue:
		walkExpr(v, n.Value)
		walkExpr(v, n.FormatSpec)
	case *JoinedStr:
		walkExprs(v, n.Values)
	case *Constant, *Name:

	case *Attribute:
		walkExpr(v, n.Value)
	case *Subscript:
		walkExpr(v, n.Value)
		walkExpr(v, n.Slice)
	case *Starred:
		walkExpr(v, n.Value)
	case *List:
		walkExprs(v, n.Elts)
	case *Tuple:
		walkExprs(v, n.Elts)
	case *Slice:
		walkExpr(v, n.Lower)
		walkExpr(v, n.Upper)
		walkExpr(v, n.Step)

	case *Comprehension:
		walkExpr(v, n.Target)
		walkExpr(v, n.Iter)
		walkExprs(v, n.Ifs)
	case *ExceptHandler:
		walkExpr(v, n.Type)
		walkStmts(v, n.Body)
	case *Arguments:
		for _, a := range n.Posonlyargs {
			Walk(v, a)
		}
		for _, a := range n.Args {
			Walk(v, a)
		}
		if n.Vararg != nil {
			Walk(v, n.Vararg)
		}
		for _, a := range n.Kwonlyargs {
			Walk(v, a)
		}
		walkExprs(v, n.KwDefaults)
		if n.Kwarg != nil {
			Walk(v, n.Kwarg)
		}
		walkExprs(v, n.Defaults)
	case *Arg:
		walkExpr(v, n.Annotation)
	case *Keyword:
		walkExpr(v, n.Value)
	case *Alias:

	case *WithItem:
		walkExpr(v, n.ContextExpr)
		walkExpr(v, n.OptionalVars)
	case *MatchCase:
		walkPattern(v, n.Pattern)
		walkExpr(v, n.Guard)
		walkStmts(v, n.Body)

	case *MatchValue:
		walkExpr(v, n.Value)
	case *MatchSingleton, *MatchStar:

	case *MatchSequence:
		walkPatterns(v, n.Patterns)
	case *MatchMapping:
		walkExprs(v, n.Keys)
		walkPatterns(v, n.Patterns)
	case *MatchClass:
		walkExpr(v, n.Cls)
		walkPatterns(v, n.Patterns)
		walkPatterns(v, n.KwdPatterns)
	case *MatchAs:
		walkPattern(v, n.Pattern)
	case *MatchOr:
		walkPatterns(v, n.Patterns)

	case *TypeVar:
		walkExpr(v, n.Bound)
		walkExpr(v, n.DefaultValue)
	case *ParamSpec:
		walkExpr(v, n.DefaultValue)
	case *TypeVarTuple:
		walkExpr(v, n.DefaultValue)
	}
	v.Visit(nil)
}

// walkExpr skips nil, which stands for an absent optional field.
func walkExpr(v Visitor, e Expr) {
	if e != nil {
		Walk(v, e)
	}
}

func walkExprs(v Visitor, list []Expr) {
	for _, e := range list {
		walkExpr(v, e) // kw_defaults holds nils
	}
}

func walkStmts(v Visitor, list []Stmt) {
	for _, s := range list {
		Walk(v, s)
	}
}

func walkPattern(v Visitor, p Pattern) {
	if p != nil {
		Walk(v, p)
	}
}

func walkPatterns(v Visitor, list []Pattern) {
	for _, p := range list {
		Walk(v, p)
	}
}

func walkComps(v Visitor, list []*Comprehension) {
	for _, c := range list {
		Walk(v, c)
	}
}

func walkTypeParams(v Visitor, list []TypeParam) {
	for _, p := range list {
		Walk(v, p)
	}
}

type inspector func(Node) bool

func (f inspector) Visit(n Node) Visitor {
	if n != nil && f(n) {
		return f
	}
	return nil
}

// Inspect traverses the tree rooted at n, calling f for each node; where f
// returns false, the node's children are skipped.
func Inspect(n Node, f func(Node) bool) {
	Walk(inspector(f), n)
}
