// Package literal turns the text of Python string and number literals into
// their values, exactly as CPython does.
package literal

import "github.com/pyward/pyward/python/ast"

// DecodeString decodes the body of a string literal (the text between the
// quotes). STUB.
func DecodeString(body []byte, raw, isBytes bool) (string, error) { return string(body), nil }

// Number sets c's Kind and value from the text of a NUMBER token. STUB.
func Number(text []byte, c *ast.Constant) error { c.Kind = ast.ConstInt; return nil }

// DecodeFStringMiddle decodes the raw text of an FSTRING_MIDDLE token,
// including {{ and }}. STUB.
func DecodeFStringMiddle(text []byte, raw bool) (string, error) { return string(text), nil }
