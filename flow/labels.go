package flow

import (
	"fmt"
	"strings"
)

// Labels is the set of labels a value may carry: where it came from
// (user input, the network, a decoder...). Sources add labels,
// propagators carry them, sanitizers remove them or mark the value safe
// for some sink families, and a sink reports the labels that reach it.
type Labels uint64

// The labels the engine itself reasons about. Others are declared by
// name in labelTable and looked up with Label.
const (
	User             Labels = 1 << iota // input from the user: input(), sys.argv, stdin, a web request
	Remote                              // input from the network or a web request (also User)
	Decoded                             // decoded or decompressed: base64, hex, rot13, zlib...
	Network                             // downloaded: an HTTP response, a socket read
	Socket                              // a socket or its file descriptor
	Sensitive                           // credentials: a key file's content
	EnvAll                              // os.environ itself, not one of its values
	Libc                                // a ctypes handle on a C library
	Env                                 // one environment variable's value
	ReqObj                              // a web request object itself (its data attributes are User|Remote)
	fileData                            // a file the program opened, or its content
	numBuiltinLabels = iota
)

// Input is every label that means "chosen by whoever runs or calls the
// program": what a general sanitizer (int(), a literal allow-list)
// removes.
const Input = User | Remote | Env

// labelTable names every label, builtin first (in bit order). To add a
// label, append a row: its bit is its index. Models then use it by name
// ("credential", "user|remote").
var labelTable = []string{
	"user", "remote", "decoded", "network", "socket", "sensitive", "envall", "libc", "env", "request",
	"file", // a file the program opened, or what it read from one
	// Labels for the malware heuristics' models (see models_malware.go).
	"credential",  // the content of a credentials store
	"fingerprint", // facts identifying the host: user name, host name, addresses
	"charcodes",   // text built from character codes or reversed: chr() in a loop, bytes([...])
}

var labelBits = func() map[string]Labels {
	if len(labelTable) > slotBase {
		panic("flow: more labels than bits below the parameter slots (summary.go)")
	}
	m := make(map[string]Labels, len(labelTable))
	for i, n := range labelTable {
		m[n] = 1 << i
	}
	return m
}()

// Label returns the label called name (0 when there is none).
func Label(name string) Labels { return labelBits[name] }

// ParseLabels reads "user|remote" (or comma-separated) into a set.
func ParseLabels(s string) (Labels, error) {
	var l Labels
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == '|' || r == ',' || r == ' ' }) {
		b, ok := labelBits[p]
		if !ok {
			return 0, fmt.Errorf("unknown label %q (labels: %s)", p, strings.Join(labelTable, ", "))
		}
		l |= b
	}
	return l, nil
}

// Names lists the labels in l.
func (l Labels) Names() []string {
	var out []string
	for i, n := range labelTable {
		if l&(1<<i) != 0 {
			out = append(out, n)
		}
	}
	return out
}

func (l Labels) String() string { return strings.Join(l.Names(), "|") }
