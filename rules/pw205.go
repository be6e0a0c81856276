package rules

import (
	"github.com/pyward/pyward/python/ast"
)

var kernelModuleCmd = lazyRegexp(`(?:^|[;&|]\s*)(?:sudo\s+(?:-\S+\s+)*)?(?:/s?bin/|/usr/s?bin/)?(insmod|modprobe|rmmod|kldload|kextload)(?:\s|$)`)

func init() {
	Register(&Rule{
		ID: "PW205", Name: "kernel_module_load", Severity: High, Confidence: High, CWE: 250,
		Message:        "the code loads or removes a kernel module",
		Recommendation: "Kernel modules are the administrator's to manage; remove this from the program.",
		Help:           "insmod, modprobe, rmmod (and kldload, kextload) and the init_module system calls change the running kernel: a module runs with full control of the machine, the classic rootkit step.",
		Flagged:        []string{"import subprocess\nsubprocess.run(['insmod', 'rootkit.ko'])\n", "import ctypes\nlibc = ctypes.CDLL(None)\nlibc.init_module(image, size, b'')\n"},
		Clean:          []string{"import subprocess\nsubprocess.run(['lsmod'])\n"},
		Kinds:          []Kind{KindCall},
		CallWhen: func(q, method string) bool {
			return processFuncs[q] || method == "init_module" || method == "finit_module" || method == "delete_module"
		},
		Check: func(c *Context, n ast.Node) {
			call := n.(*ast.Call)
			if cmd, ok := c.processCall(call); ok {
				if kernelModuleCmd.MatchString(cmd) {
					c.Report(call)
				}
				return
			}
			if a, ok := call.Func.(*ast.Attribute); ok && (a.Attr == "init_module" || a.Attr == "finit_module" || a.Attr == "delete_module") && c.importContains("ctypes") {
				c.Report(call)
			}
		},
	})
}
