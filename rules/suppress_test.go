package rules

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/pyward/pyward/python/parser"
)

func TestParseComment(t *testing.T) {
	tests := []struct {
		comment string
		want    []Suppression
	}{
		{"# nosec", []Suppression{{}}},
		{"# nosec B602, B607", []Suppression{{IDs: []string{"B602", "B607"}}}},
		{"# nosec B602,B607", []Suppression{{IDs: []string{"B602", "B607"}}}},
		{"# nosec: import_subprocess", []Suppression{{IDs: []string{"import_subprocess"}}}},
		{"# nosec B602 -- input is a constant", []Suppression{{IDs: []string{"B602"}, Justification: "input is a constant"}}},
		{"# nosec TODO remove", []Suppression{{Justification: "TODO remove"}}},
		{"# NOSEC", nil},
		{"# nosec b602", []Suppression{{IDs: []string{"B602"}}}},
		{"# nosec B999", []Suppression{{IDs: []string{"B999"}}}},
		{"# nosec: md5", []Suppression{{IDs: []string{"md5"}}}},
		{"# nosec pw101 s602", []Suppression{{IDs: []string{"PW101", "S602"}}}},
		{"# noqa: S602", []Suppression{{IDs: []string{"S602"}}}},
		{"# noqa", nil},
		{"#noqa", nil},
		{"# noqa:E501,S603", []Suppression{{IDs: []string{"E501", "S603"}}}},
		{"# pyward: ignore[B602] the command is a constant", []Suppression{{IDs: []string{"B602"}, Justification: "the command is a constant"}}},
		{"# pyward: ignore[B602, B607]", []Suppression{{IDs: []string{"B602", "B607"}}}},
		{"# pyward: ignore reviewed by security", []Suppression{{Justification: "reviewed by security"}}},
		{"# type: ignore # nosec B404", []Suppression{{IDs: []string{"B404"}}}},
		{"# this is not nosec", nil},
		{"# nosec B605 reviewed in #42", []Suppression{{IDs: []string{"B605"}, Justification: "reviewed in #42"}}},
		{"# pyward: ignore[B602] see #12 # nosec B404", []Suppression{{IDs: []string{"B602"}, Justification: "see #12"}, {IDs: []string{"B404"}}}},
	}
	for _, tc := range tests {
		if got := parseComment(tc.comment); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: got %+v, want %+v", tc.comment, got, tc.want)
		}
	}
}

// TestSuppressMultiLine: a marker on any line of a multi-line statement
// covers the findings in it, and only the rules it names.
func TestSuppressMultiLine(t *testing.T) {
	tests := []struct {
		src  string
		want string // each finding in order: rule ID and whether suppressed
	}{
		{"import subprocess  # nosec\nsubprocess.call(\n    cmd,\n    shell=True,  # nosec B602\n)\n",
			"B404:true B602:true"},
		{"import subprocess\nsubprocess.call(  # pyward: ignore[B602] fixed command\n    cmd,\n    shell=True,\n)\n",
			"B404:false B602:true"},
		{"import subprocess\nx = subprocess.call(cmd,\n    shell=True)  # noqa: S602\n",
			"B404:false B602:true"},
		{"import subprocess\nsubprocess.call(cmd, shell=True)\ny = 1  # nosec\n",
			"B404:false B602:false"},
		{"import subprocess\nif subprocess.call(cmd, shell=True):  # nosec\n    subprocess.call(cmd, shell=True)\n",
			"B404:false B602:true B602:false"},
	}
	rs := []*Rule{Lookup("B404"), Lookup("B602")}
	for i, tc := range tests {
		f, err := parser.Parse([]byte(tc.src))
		if err != nil {
			t.Fatal(err)
		}
		fds := Run(f, rs, nil)
		Suppress(f, fds, ParseSuppressions(f))
		var got []string
		for _, fd := range fds {
			got = append(got, fmt.Sprintf("%s:%v", fd.Rule.ID, fd.Suppressed))
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("case %d: got %s, want %s\n%s", i, g, tc.want, tc.src)
		}
	}
}
