package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "PW207", Name: "ctypes_libc_call", Severity: High, Confidence: Medium, CWE: 250,
		Message:        "a C library function that changes identity or runs code is called through ctypes",
		Recommendation: "Use the os module (which checks arguments) or drop the call.",
		Help:           "setuid, system, execve, ptrace, mprotect, mount, init_module and friends called on a ctypes handle (ctypes.CDLL(...), ctypes.cdll.LoadLibrary(...)) escape Python-level hooks and auditing.",
		Flagged:        []string{"import ctypes\nlibc = ctypes.CDLL(\"libc.so.6\")\nlibc.setuid(0)\n"},
		Clean:          []string{"import ctypes\nlibc = ctypes.CDLL(\"libc.so.6\")\nlibc.strlen(b\"x\")\n"},
		Kinds:          []Kind{KindEnd},
		Check:          func(c *Context, _ ast.Node) { c.reportFlow() },
	})
}
