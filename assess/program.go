package assess

import (
	"sync"

	"github.com/pyward/pyward/flow"
	"github.com/pyward/pyward/notebook"
	"github.com/pyward/pyward/python/parser"
	"github.com/pyward/pyward/rules"
)

// program is the scan's Python files as one flow.Program, so that the
// analysis follows calls into functions of the scan's other files. A
// file is read and parsed again the first time another file's analysis
// calls into it (see flow.Program); the program holds the inputs (a
// lazily read input holds only its path). Only the files of this Run are in it:
// files judged under another configuration, and files a --staged scan
// does not judge, are not part of the program.
func (a *Assessor) program(inputs []Input) *flow.Program {
	var mu sync.Mutex
	// What reading a file needs, by path: not the whole Input, which is
	// large, and the index lasts the whole scan. The contents are kept
	// as they were when the scan began (Run lets go of an Input's
	// contents once that file is judged).
	type source struct {
		data []byte
		load func() ([]byte, string)
	}
	byPath := map[string]source{}
	var paths []string
	for _, in := range inputs {
		if in.SecretsOnly || in.notebook || notebook.Is(in.Path) || in.Err != "" {
			continue
		}
		if _, dup := byPath[in.Path]; dup {
			continue
		}
		byPath[in.Path] = source{in.Data, in.Load}
		paths = append(paths, in.Path)
	}
	if len(paths) < 2 {
		return nil // a file alone has no other module to call
	}
	return flow.NewProgram(paths, func(p string) *flow.Module {
		mu.Lock()
		src, ok := byPath[p] // loaded once, twice when web files call it too (see flow.Program)
		mu.Unlock()
		if !ok {
			return nil
		}
		in := Input{Path: p, Data: src.data, Load: src.load}.Loaded()
		if in.Err != "" {
			return nil
		}
		f, err := parser.ParseFile(in.Path, in.Data)
		if err != nil || f.Module == nil {
			return nil
		}
		return a.set.FlowModule(f)
	})
}

// pathStep places one step of a finding's path: in the finding's file
// by its offsets, in another file by the place the analysis gave it.
func pathStep(f *parser.File, st rules.Step) PathStep {
	if st.At != nil {
		return PathStep{Line: st.At.Line, Column: st.At.Column, EndLine: st.At.EndLine, EndColumn: st.At.EndColumn,
			Note: st.Note, File: st.At.File}
	}
	var p PathStep
	p.Line, p.Column = f.Tok.CharColumn(st.Start)
	p.EndLine, p.EndColumn = f.Tok.CharColumn(st.End)
	p.Note = st.Note
	return p
}
