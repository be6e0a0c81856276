package ast

import "github.com/pyward/pyward/python/token"

// Dump returns n as CPython 3.11's ast.dump(n, include_attributes=True)
// prints it. STUB.
func Dump(n Node, f *token.File) string { return "" }
