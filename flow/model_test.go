package flow

import (
	"strings"
	"testing"
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
