package flow

import (
	"slices"
	"strings"
	"testing"

	"github.com/pyward/pyward/python/parser"
)

// A user's model row naming a label or family that does not exist is an
// error that says which library and row.
func TestCompileRejectsUnknownNames(t *testing.T) {
	for _, tc := range []struct {
		lib  Library
		want string
	}{
		{Library{Name: "mine", Sinks: []Sink{{Func: "my.run", Family: "comand"}}}, `sink "my.run": unknown sink family "comand"`},
		{Library{Name: "mine", Sources: []Source{{Name: "my.read", Call: true, Labels: "usr"}}}, `source my.read: unknown label "usr"`},
		{Library{Name: "mine", Sanitizers: []Sanitizer{{Func: "my.clean", Families: "sq1"}}}, `sanitizer my.clean: unknown sink family "sq1"`},
		{Library{Name: "mine", Propagators: []Propagator{{Func: "my.wrap", From: "both"}}}, `propagator my.wrap: from "both"`},
		// The malware heuristics' patterns are not values reaching a row.
		{Library{Name: "mine", Sinks: []Sink{{Func: "my.spawn", Family: "shell-spawn"}}}, `sink "my.spawn": unknown sink family "shell-spawn"`},
	} {
		_, err := Compile(tc.lib)
		if err == nil || !strings.Contains(err.Error(), "flow model mine") || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Compile(%+v) = %v, want an error with %q", tc.lib, err, tc.want)
		}
	}
}

// The built-in tables compile, every label fits below the parameter
// slots, and a user's rows are added to them.
func TestCompileAddsUserRows(t *testing.T) {
	if len(labelTable) > slotBase {
		t.Fatalf("%d labels, at most %d fit below the slots", len(labelTable), slotBase)
	}
	m, err := Compile(Library{Name: "mine", Sinks: []Sink{{Func: "company.shell.run", Family: "command"}}})
	if err != nil {
		t.Fatal(err)
	}
	if !m.Wants("company.shell.run", "") || Default().Wants("company.shell.run", "") {
		t.Error("the user's sink is not in the compiled model only")
	}
	if !m.Wants("subprocess.run", "") {
		t.Error("the built-in sinks are missing from a user's model")
	}
}

// SinkFamilies are the families every built-in sink row uses, and none
// of the heuristics' patterns.
func TestSinkFamilies(t *testing.T) {
	allowed := map[string]bool{}
	for _, f := range SinkFamilies() {
		allowed[f] = true
		if patternFamilies[f] || Family(f) == 0 {
			t.Errorf("SinkFamilies has %q", f)
		}
	}
	for _, lib := range Libraries() {
		for _, s := range lib.Sinks {
			if !allowed[s.Family] {
				t.Errorf("%s: sink %s has family %q, not in SinkFamilies", lib.Name, s.Func, s.Family)
			}
		}
	}
	if len(allowed)+len(patternFamilies) != len(FamilyNames()) {
		t.Errorf("%d sink families and %d patterns, %d families", len(allowed), len(patternFamilies), len(FamilyNames()))
	}
}

// A user's sanitizer or source that names a function of the file is
// what the declaration says, not what its body does; the built-in model
// follows the body.
func TestDeclaredRowsWinOverBodies(t *testing.T) {
	const src = "import os\n" +
		"def quote(s):\n    return s.replace(\"'\", \"''\")\n" +
		"def param(name):\n    return name\n" +
		"os.system('echo ' + quote(input()))\n" +
		"os.system(param('q'))\n"
	f, err := parser.Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	lines := func(m *Model) []int {
		var out []int
		for _, e := range Analyze(f.Module, testHost{}, m, Options{}) {
			if e.Family == "command" && e.Labels&User != 0 {
				out = append(out, int(f.Tok.Line(e.Node.Pos())))
			}
		}
		return out
	}
	if got := lines(Default()); !slices.Equal(got, []int{6}) {
		t.Errorf("built-in model: command events on lines %v, want [6]", got)
	}
	m, err := Compile(Library{Name: "mine",
		Sanitizers: []Sanitizer{{Func: "quote", Families: "command"}},
		Sources:    []Source{{Name: "param", Call: true, Labels: "user"}}})
	if err != nil {
		t.Fatal(err)
	}
	if got := lines(m); !slices.Equal(got, []int{7}) {
		t.Errorf("declared model: command events on lines %v, want [7]", got)
	}
}
