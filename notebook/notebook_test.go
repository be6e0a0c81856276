package notebook

import (
	"strings"
	"testing"
)

// sample is a notebook as Jupyter writes it (nbformat 4, one source line
// per JSON string, indented one key per line).
const sample = `{
 "cells": [
  {
   "cell_type": "markdown",
   "metadata": {},
   "source": [
    "# Title\n",
    "!not a command in markdown"
   ]
  },
  {
   "cell_type": "code",
   "execution_count": 1,
   "metadata": {},
   "outputs": [
    {
     "name": "stdout",
     "output_type": "stream",
     "text": [
      "token: abc\n"
     ]
    },
    {
     "data": {
      "image/png": "iVBORw0KGgo=",
      "text/plain": [
       "<Figure>"
      ]
     },
     "output_type": "display_data"
    }
   ],
   "source": [
    "import os\n",
    "%matplotlib inline\n",
    "!pip install requests\n",
    "files = !ls {folder}\n",
    "for f in files:\n",
    "    !rm $f\n",
    "os?\n",
    "print(os.getcwd())"
   ]
  },
  {
   "cell_type": "code",
   "metadata": {},
   "outputs": [],
   "source": [
    "%%bash\n",
    "curl http://example.invalid | sh\n"
   ]
  },
  {
   "cell_type": "code",
   "metadata": {},
   "outputs": [],
   "source": "%%time\nx = eval(data)\ny = 2"
  }
 ],
 "metadata": {},
 "nbformat": 4,
 "nbformat_minor": 5
}
`

func TestParse(t *testing.T) {
	nb, err := Parse([]byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"import os",
		"pass",
		"pass",
		"files = None",
		"for f in files:",
		"    pass",
		"pass",
		"print(os.getcwd())",
		"", "",
		"",
		"x = eval(data)",
		"y = 2",
	}, "\n") + "\n"
	if string(nb.Source) != want {
		t.Errorf("source:\n%s\nwant:\n%s", nb.Source, want)
	}
	if nb.Cells != 4 {
		t.Errorf("cells %d", nb.Cells)
	}
	// Line 8 of the module is the last source line of cell 2, on line 48
	// of the file, its string starting in column 5.
	if p := nb.Line(8); p != (Place{Cell: 2, CellLine: 8, FileLine: 41, FileCol: 5}) {
		t.Errorf("line 8 at %+v", p)
	}
	// Cell 4's source is one string: every line is on the file's line 63.
	if p := nb.Line(12); p.Cell != 4 || p.CellLine != 2 || p.FileLine != 57 {
		t.Errorf("line 12 at %+v", p)
	}
	var got []string
	for _, e := range nb.Escapes {
		got = append(got, e.Kind+"|"+e.Command+"|"+map[bool]string{true: "interpolated", false: "literal"}[e.Interpolated])
	}
	wantEsc := []string{
		"shell escape|pip install requests|literal",
		"shell escape|ls {folder}|interpolated",
		"shell escape|rm $f|interpolated",
		"cell magic|curl http://example.invalid | sh|literal",
	}
	if strings.Join(got, "\n") != strings.Join(wantEsc, "\n") {
		t.Errorf("escapes:\n%s", strings.Join(got, "\n"))
	}
	if nb.Escapes[0].Line != 3 || nb.Escapes[3].Line != 9 {
		t.Errorf("escape lines %d %d", nb.Escapes[0].Line, nb.Escapes[3].Line)
	}
	if string(nb.Outputs) != "token: abc\n<Figure>\n" {
		t.Errorf("outputs %q", nb.Outputs)
	}
	if p := nb.OutputLine(1); p.Cell != 2 || p.FileLine != 20 {
		t.Errorf("output line 1 at %+v", p)
	}
}

func TestSuppressionKept(t *testing.T) {
	nb, err := Parse([]byte(`{"cells": [{"cell_type": "code", "source": ["!curl $URL | sh  # nosec B605 vetted installer\n", "!echo '#' not a suppression\n"]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if string(nb.Source) != "pass  # nosec B605 vetted installer\npass\n" {
		t.Errorf("%q", nb.Source)
	}
}

func TestNbformat3(t *testing.T) {
	nb, err := Parse([]byte(`{"worksheets": [{"cells": [{"cell_type": "code", "input": ["a = 1\n", "!ls"], "outputs": []}]}], "nbformat": 3}`))
	if err != nil {
		t.Fatal(err)
	}
	if string(nb.Source) != "a = 1\npass\n" || len(nb.Escapes) != 1 {
		t.Errorf("%q %v", nb.Source, nb.Escapes)
	}
}

func TestContinuationAndHelp(t *testing.T) {
	nb, err := Parse([]byte(`{"cells": [{"cell_type": "code", "source": ["if x:\n", "    !echo a \\\n", "      b\n", "??os.path\n", "y = 1\n"]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if string(nb.Source) != "if x:\n    pass\n\npass\ny = 1\n" || len(nb.Escapes) != 1 || nb.Escapes[0].Command != "echo a  b" {
		t.Errorf("%q %+v", nb.Source, nb.Escapes)
	}
}

func TestNotANotebook(t *testing.T) {
	for src, want := range map[string]string{
		"":                                   "ends too soon",
		"{\n\"cells\": [\n{\"source\": [1,}": "line 3",
		"[1, 2]":                             "should be an object",
		`{"metadata": {}}`:                   "no cells",
		`{"cells": {}}`:                      "cells should be an array",
		`{"cells": []} {}`:                   "text after",
		`{"cells": [{"cell_type": 3}]}`:      "cell_type is not a string",
		`{"cells": [{"source": ` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}]}`: "nested too deeply",
	} {
		_, err := Parse([]byte(src))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%.40q: %v, want %q", src, err, want)
		}
	}
}

func TestIs(t *testing.T) {
	if !Is("a/b.ipynb") || !Is("X.IPYNB") || Is("a.py") || Is("ipynb") {
		t.Error("Is")
	}
}

// FuzzParse: any input gives a notebook or an error, never a panic, and a
// notebook's line map covers every line of its source.
func FuzzParse(f *testing.F) {
	f.Add([]byte(sample))
	f.Add([]byte(`{"cells": [{"cell_type": "code", "source": "%%bash\nls\n"}]}`))
	f.Add([]byte(`{"worksheets": [{"cells": []}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		nb, err := Parse(data)
		if err != nil {
			return
		}
		n := strings.Count(string(nb.Source), "\n")
		if n != len(nb.lines) {
			t.Fatalf("%d source lines, %d places", n, len(nb.lines))
		}
		for _, e := range nb.Escapes {
			if e.Line < 1 || e.Line > n {
				t.Fatalf("escape at line %d of %d", e.Line, n)
			}
		}
	})
}
