// Package parser is a recursive-descent parser for Python 3.13 producing
// CPython-compatible syntax trees (package python/ast).
package parser

import (
	"github.com/pyward/pyward/python/ast"
	"github.com/pyward/pyward/python/source"
	"github.com/pyward/pyward/python/token"
)

// File is a parsed source file.
type File struct {
	Module   *ast.Module
	Tok      *token.File     // line table of the decoded source
	Src      []byte          // the decoded source
	Comments []token.Comment // every comment
}

// ParseFile decodes raw (the bytes of a file) and parses it. The error, when
// not nil, is a *token.Error. STUB.
func ParseFile(filename string, raw []byte) (*File, error) {
	src, err := source.Decode(raw)
	if err != nil {
		return nil, err
	}
	return Parse(src)
}

// Parse parses already decoded source. STUB.
func Parse(src []byte) (*File, error) {
	r := token.Tokenize(src)
	if r.Err != nil {
		return nil, r.Err
	}
	return &File{Module: &ast.Module{}, Tok: r.File, Src: src}, nil
}
