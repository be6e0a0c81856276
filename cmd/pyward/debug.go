package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/pyward/pyward/python/ast"
	"github.com/pyward/pyward/python/parser"
	"github.com/pyward/pyward/python/token"
	"github.com/urfave/cli/v2"
)

func debugCommand() *cli.Command {
	return &cli.Command{
		Name:  "debug",
		Usage: "inspect how pyward reads Python",
		Subcommands: []*cli.Command{{
			Name:      "ast",
			Usage:     "print a file's syntax tree as CPython's ast.dump(..., include_attributes=True) does",
			ArgsUsage: "FILE (- for standard input)",
			Description: "Exit status: 0 when the file parses, 1 when it has a syntax error " +
				"(printed as FILE:LINE:COL: SyntaxError: message, or FILE:LINE: when the error has " +
				"no column, as when the file cannot be decoded), 2 when it cannot be read.",
			Action: debugAST,
		}},
	}
}

func debugAST(c *cli.Context) error {
	if c.NArg() != 1 {
		return &statusError{exitError, "usage: pyward debug ast FILE (- for standard input)"}
	}
	name := c.Args().First()
	var raw []byte
	var err error
	if name == "-" {
		raw, err = io.ReadAll(c.App.Reader)
		name = "<stdin>"
	} else {
		raw, err = os.ReadFile(name)
	}
	if err != nil {
		return &statusError{exitError, "pyward: " + err.Error()}
	}
	f, err := parser.ParseFile(name, raw)
	if err != nil {
		var se *token.Error
		if errors.As(err, &se) {
			// An error without a column (a decoding error) names the line only.
			pos := fmt.Sprintf("%s:%d:%d", name, se.Line, se.Col)
			if se.Col == 0 {
				pos = fmt.Sprintf("%s:%d", name, se.Line)
			}
			return &statusError{exitBlocked, fmt.Sprintf("%s: %s: %s", pos, se.Kind, se.Msg)}
		}
		return &statusError{exitError, "pyward: " + err.Error()}
	}
	w := bufio.NewWriterSize(c.App.Writer, 64<<10)
	if err := ast.Fdump(w, f.Module, f.Tok); err != nil {
		return &statusError{exitError, "pyward: " + err.Error()}
	}
	w.WriteByte('\n')
	return w.Flush()
}
