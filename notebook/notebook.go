// Package notebook reads Jupyter notebooks (.ipynb, nbformat 3 and 4) as
// the Python they run: the code cells in order, as one module, with
// IPython's magics and shell escapes masked so that the rest parses, and
// a map from each line of that module back to its cell, its line in the
// cell and its line in the notebook's JSON. The shell escapes themselves
// are returned, since they run commands, and so is the text of the
// cells' outputs, where tokens printed by a cell end up. It parses no
// Python and judges nothing.
package notebook

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"strings"
)

// Is reports whether a path names a notebook.
func Is(p string) bool { return strings.EqualFold(path.Ext(p), ".ipynb") }

// Place is where a line of the module or of the outputs comes from.
type Place struct {
	Cell     int // 1-based position among all the notebook's cells
	CellLine int // 1-based line within the cell's source, or within its outputs' text
	FileLine int // 1-based line of the notebook file holding it
	FileCol  int // 1-based column of the JSON string holding it
}

// Escape is a shell command the notebook runs: a `!cmd` line, `%sx` or
// `%system`, or a `%%bash`/`%%sh`/`%%script` cell.
type Escape struct {
	Line         int    // the module's line where it stands (masked there)
	Kind         string // "shell escape" or "cell magic"
	Command      string
	Interpolated bool // the command takes Python values ({x} or $x)
}

// Notebook is a notebook read as Python.
type Notebook struct {
	Source  []byte // the code cells, one module, magics masked
	Escapes []Escape
	Outputs []byte // the text of every output, one module-like text
	lines   []Place
	outs    []Place
	// Cells is the number of cells of any kind.
	Cells int
}

// Line returns where line n (1-based) of Source comes from.
func (nb *Notebook) Line(n int) Place { return at(nb.lines, n) }

// OutputLine returns where line n of Outputs comes from.
func (nb *Notebook) OutputLine(n int) Place { return at(nb.outs, n) }

func at(ps []Place, n int) Place {
	if len(ps) == 0 {
		return Place{Cell: 1, CellLine: 1, FileLine: 1, FileCol: 1}
	}
	return ps[min(max(n, 1), len(ps))-1]
}

// SourceLines returns the lines of Source that come from the given lines
// of the notebook file, for judging only what a change touched.
func (nb *Notebook) SourceLines(fileLine func(int) bool) []int {
	var out []int
	for i, p := range nb.lines {
		if fileLine(p.FileLine) {
			out = append(out, i+1)
		}
	}
	return out
}

// piece is one JSON string of a cell's source or output, with where the
// string starts in the file.
type piece struct {
	text      string
	line, col int
}

type cell struct {
	kind    string
	source  []piece
	outputs []piece
}

// maxNotebook bounds what is read; larger notebooks are refused by the
// caller's size limit before this.
const maxDepth = 64

// Parse reads a notebook. Anything that is not a notebook's JSON is an
// error that says where.
func Parse(data []byte) (*Notebook, error) {
	r := &reader{data: data, dec: json.NewDecoder(bytes.NewReader(data))}
	r.dec.UseNumber()
	cells, err := r.notebook()
	if err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("not valid JSON at line %d: %v", r.lineOf(int(se.Offset)), se)
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, errors.New("not valid JSON: it ends too soon")
		}
		return nil, err
	}
	return build(cells), nil
}

type reader struct {
	data []byte
	dec  *json.Decoder
}

func (r *reader) lineOf(off int) int {
	return bytes.Count(r.data[:min(off, len(r.data))], []byte("\n")) + 1
}

// token reads one token and where it starts.
func (r *reader) token() (json.Token, int, error) {
	off := int(r.dec.InputOffset())
	t, err := r.dec.Token()
	for off < len(r.data) && strings.IndexByte(" \t\r\n,:", r.data[off]) >= 0 {
		off++
	}
	return t, off, err
}

func (r *reader) errorf(off int, f string, a ...any) error {
	return fmt.Errorf("not a notebook: line %d: %s", r.lineOf(off), fmt.Sprintf(f, a...))
}

// skip reads past one value whose first token is t, without recursion.
func (r *reader) skip(t json.Token) error {
	d, ok := t.(json.Delim)
	if !ok || d == '}' || d == ']' {
		return nil
	}
	for depth := 1; depth > 0; {
		t, err := r.dec.Token()
		if err != nil {
			return err
		}
		if d, ok := t.(json.Delim); ok {
			if d == '{' || d == '[' {
				depth++
			} else {
				depth--
			}
		}
	}
	return nil
}

// skipNext reads past the next value.
func (r *reader) skipNext() error {
	t, _, err := r.token()
	if err != nil {
		return err
	}
	return r.skip(t)
}

// object calls field for each key of the object whose '{' was just read.
func (r *reader) object(field func(key string) error) error {
	for r.dec.More() {
		t, off, err := r.token()
		if err != nil {
			return err
		}
		key, ok := t.(string)
		if !ok {
			return r.errorf(off, "object key is not a string")
		}
		if err := field(key); err != nil {
			return err
		}
	}
	_, _, err := r.token() // '}'
	return err
}

// expect reads a delimiter.
func (r *reader) expect(d json.Delim, what string) error {
	t, off, err := r.token()
	if err != nil {
		return err
	}
	if t != d {
		return r.errorf(off, "%s should be %s", what, map[json.Delim]string{'{': "an object", '[': "an array"}[d])
	}
	return nil
}

func (r *reader) notebook() ([]cell, error) {
	if err := r.expect('{', "the notebook"); err != nil {
		return nil, err
	}
	var cells []cell
	sawCells := false
	err := r.object(func(key string) error {
		switch key {
		case "cells": // nbformat 4
			sawCells = true
			cs, err := r.cells()
			cells = append(cells, cs...)
			return err
		case "worksheets": // nbformat 3
			sawCells = true
			if err := r.expect('[', "worksheets"); err != nil {
				return err
			}
			for r.dec.More() {
				if err := r.expect('{', "a worksheet"); err != nil {
					return err
				}
				if err := r.object(func(key string) error {
					if key == "cells" {
						cs, err := r.cells()
						cells = append(cells, cs...)
						return err
					}
					return r.skipNext()
				}); err != nil {
					return err
				}
			}
			_, _, err := r.token()
			return err
		}
		return r.skipNext()
	})
	if err != nil {
		return nil, err
	}
	if !sawCells {
		return nil, errors.New("not a notebook: no cells")
	}
	if _, _, err := r.token(); err != io.EOF {
		return nil, errors.New("not a notebook: text after the notebook's object")
	}
	return cells, nil
}

func (r *reader) cells() ([]cell, error) {
	if err := r.expect('[', "cells"); err != nil {
		return nil, err
	}
	var out []cell
	for r.dec.More() {
		if err := r.expect('{', "a cell"); err != nil {
			return nil, err
		}
		var c cell
		err := r.object(func(key string) error {
			switch key {
			case "cell_type":
				t, off, err := r.token()
				if err != nil {
					return err
				}
				s, ok := t.(string)
				if !ok {
					return r.errorf(off, "cell_type is not a string")
				}
				c.kind = s
				return nil
			case "source", "input":
				ps, err := r.text(0)
				c.source = append(c.source, ps...)
				return err
			case "outputs":
				ps, err := r.outputs()
				c.outputs = append(c.outputs, ps...)
				return err
			}
			return r.skipNext()
		})
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	_, _, err := r.token()
	return out, err
}

// text reads a multi-line string as nbformat writes it: a string, or an
// array of strings (each usually one line). Any other value inside an
// output's data (numbers, nested JSON) is read for its strings too.
func (r *reader) text(depth int) ([]piece, error) {
	if depth > maxDepth {
		return nil, errors.New("not a notebook: nested too deeply")
	}
	t, off, err := r.token()
	if err != nil {
		return nil, err
	}
	switch v := t.(type) {
	case string:
		return []piece{{v, r.lineOf(off), off - bytes.LastIndexByte(r.data[:off], '\n')}}, nil
	case json.Delim:
		var out []piece
		switch v {
		case '[':
			for r.dec.More() {
				ps, err := r.text(depth + 1)
				if err != nil {
					return nil, err
				}
				out = append(out, ps...)
			}
		case '{':
			err := r.object(func(string) error {
				ps, err := r.text(depth + 1)
				out = append(out, ps...)
				return err
			})
			return out, err
		default:
			return nil, r.errorf(off, "unexpected %v", v)
		}
		_, _, err := r.token()
		return out, err
	}
	return nil, nil // numbers, booleans, null carry no text
}

// outputs reads a code cell's outputs: stream text, results' and displays'
// data (images excepted: base64 is no text), errors' tracebacks.
func (r *reader) outputs() ([]piece, error) {
	if err := r.expect('[', "outputs"); err != nil {
		return nil, err
	}
	var out []piece
	for r.dec.More() {
		if err := r.expect('{', "an output"); err != nil {
			return nil, err
		}
		err := r.object(func(key string) error {
			switch key {
			case "text", "traceback", "evalue":
				ps, err := r.text(0)
				out = append(out, ps...)
				return err
			case "data":
				if err := r.expect('{', "an output's data"); err != nil {
					return err
				}
				return r.object(func(mime string) error {
					if strings.HasPrefix(mime, "image/") || strings.HasPrefix(mime, "audio/") || strings.HasPrefix(mime, "video/") {
						t, _, err := r.token()
						if err != nil {
							return err
						}
						return r.skip(t)
					}
					ps, err := r.text(0)
					out = append(out, ps...)
					return err
				})
			}
			return r.skipNext()
		})
		if err != nil {
			return nil, err
		}
	}
	_, _, err := r.token()
	return out, err
}

// lines splits pieces into lines, each with its place.
func lines(cellNo int, ps []piece) ([]string, []Place) {
	var text []string
	var places []Place
	cur := ""
	curPlace := Place{Cell: cellNo}
	started := false
	for _, p := range ps {
		rest := p.text
		for rest != "" {
			if !started {
				curPlace = Place{Cell: cellNo, FileLine: p.line, FileCol: p.col}
				started = true
			}
			i := strings.IndexByte(rest, '\n')
			if i < 0 {
				cur += rest
				break
			}
			cur += rest[:i]
			rest = rest[i+1:]
			curPlace.CellLine = len(text) + 1
			text = append(text, strings.TrimSuffix(cur, "\r"))
			places = append(places, curPlace)
			cur, started = "", false
		}
	}
	if started && (cur != "" || len(text) == 0) {
		curPlace.CellLine = len(text) + 1
		text = append(text, cur)
		places = append(places, curPlace)
	}
	return text, places
}

var (
	// A line magic or shell escape, perhaps assigned: `x = !ls`.
	assignMagic = regexp.MustCompile(`^(\s*[A-Za-z_][\w.]*(?:\s*,\s*[A-Za-z_][\w.]*)*\s*=\s*)([!%].*)$`)
	// IPython's help syntax: `obj?`, `obj??`, `?obj`.
	helpLine = regexp.MustCompile(`^\s*(\?{1,2}[\w.]+|[\w.]+\?{1,2})\s*$`)
	// Python values interpolated into a shell command: {expr} or $name.
	interpolated = regexp.MustCompile(`\{[^{}]+\}|\$[A-Za-z_{]`)
)

// shellCells are the cell magics whose body is a shell script.
var shellCells = map[string]bool{"bash": true, "sh": true, "script": true, "system": true, "sx": true}

// pythonCells are cell magics whose body is still Python.
var pythonCells = map[string]bool{"time": true, "timeit": true, "capture": true, "prun": true, "python": true, "python3": true, "debug": true}

func build(cells []cell) *Notebook {
	nb := &Notebook{Cells: len(cells)}
	var src, out strings.Builder
	for i, c := range cells {
		no := i + 1
		if len(c.outputs) > 0 {
			text, places := lines(no, c.outputs)
			for j, l := range text {
				out.WriteString(l)
				out.WriteByte('\n')
				nb.outs = append(nb.outs, places[j])
			}
		}
		if c.kind != "code" {
			continue
		}
		text, places := lines(no, c.source)
		base := len(nb.lines) // module lines before this cell
		mask(text, func(j int, e Escape) {
			e.Line = base + j + 1
			nb.Escapes = append(nb.Escapes, e)
		})
		for j, l := range text {
			src.WriteString(l)
			src.WriteByte('\n')
			nb.lines = append(nb.lines, places[j])
		}
	}
	nb.Source = []byte(src.String())
	nb.Outputs = []byte(out.String())
	return nb
}

// mask replaces what is not Python in a cell's lines, in place, keeping
// the line count, and reports the shell commands it masks.
func mask(text []string, escape func(line int, e Escape)) {
	if len(text) == 0 {
		return
	}
	first := strings.TrimSpace(text[0])
	if strings.HasPrefix(first, "%%") {
		name, args, _ := strings.Cut(strings.TrimPrefix(first, "%%"), " ")
		switch {
		case pythonCells[name]:
			text[0] = ""
			text = text[1:]
		case shellCells[name]:
			body := strings.Join(text[1:], "\n")
			if name == "script" && !strings.Contains(args, "sh") {
				body = "" // %%script perl, ruby…: no shell, nothing known
			}
			if body != "" || name != "script" {
				escape(0, Escape{Kind: "cell magic", Command: strings.TrimSpace(body), Interpolated: interpolated.MatchString(body)})
			}
			fallthrough
		default:
			// %%html, %%writefile, %%bash…: the body is not Python.
			for j := range text {
				text[j] = ""
			}
			return
		}
	}
	for j := 0; j < len(text); j++ {
		l := text[j]
		trimmed := strings.TrimLeft(l, " \t")
		indent := l[:len(l)-len(trimmed)]
		var magic, prefix string
		switch {
		case strings.HasPrefix(trimmed, "!") || strings.HasPrefix(trimmed, "%"):
			magic, prefix = trimmed, indent+"pass"
		case helpLine.MatchString(l):
			text[j] = indent + "pass"
			continue
		default:
			m := assignMagic.FindStringSubmatch(l)
			if m == nil {
				continue
			}
			magic, prefix = m[2], m[1]+"None"
		}
		start := j
		// A magic continues on the next line after a backslash.
		cmd := magic
		for strings.HasSuffix(text[j], "\\") && j+1 < len(text) {
			j++
			cmd = strings.TrimSuffix(cmd, "\\") + " " + strings.TrimSpace(text[j])
			text[j] = ""
		}
		// A suppression comment on the line stays, so that `!cmd  # nosec`
		// is honoured like any other.
		text[start] = prefix + suppression(l)
		if c, ok := shellCommand(cmd); ok {
			escape(start, Escape{Kind: "shell escape", Command: c, Interpolated: interpolated.MatchString(c)})
		}
	}
}

// suppression returns a line's trailing suppression comment (`# nosec`,
// `# noqa: S605`, `# pyward: ignore[…]`), with two spaces before it, or "".
func suppression(l string) string {
	for i := 0; i < len(l); i++ {
		if l[i] == '#' && (i == 0 || l[i-1] == ' ' || l[i-1] == '\t') {
			c := l[i:]
			if strings.Contains(c, "nosec") || strings.Contains(c, "noqa") || strings.Contains(c, "pyward:") {
				return "  " + c
			}
		}
	}
	return ""
}

// shellCommand returns the command a line magic runs through a shell:
// `!cmd`, `!!cmd`, `%sx cmd`, `%system cmd`.
func shellCommand(m string) (string, bool) {
	if strings.HasPrefix(m, "!") {
		return strings.TrimSpace(strings.TrimLeft(m, "!")), true
	}
	name, rest, _ := strings.Cut(strings.TrimPrefix(m, "%"), " ")
	if name == "sx" || name == "system" {
		return strings.TrimSpace(rest), true
	}
	return "", false
}
