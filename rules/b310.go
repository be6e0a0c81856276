package rules

func init() {
	Register(callRule(&Rule{
		ID: "B310", Name: "urllib_urlopen", Severity: Medium, CWE: 22,
		Message:        "urlopen accepts file: and other schemes: a URL from outside can read local files",
		Recommendation: "Check the URL's scheme (http or https only) before opening it, or use a client that only speaks HTTP.",
		Help:           "`urllib.request` opens `file:` URLs as readily as `https:` ones, so a URL that comes from input can read files on the machine.",
		Flagged: []string{
			"import urllib.request\nurllib.request.urlopen(url)\n",
			"from six.moves.urllib.request import urlretrieve\nurlretrieve(url, path)\n",
		},
		Clean: []string{
			"import requests\nrequests.get(url, timeout=5)\n",
		},
	}, expand("urllib.request.urlopen", "urllib.request.urlretrieve", "urllib.request.URLopener", "urllib.request.FancyURLopener", "six.moves.urllib.request.urlopen", "six.moves.urllib.request.urlretrieve", "six.moves.urllib.request.URLopener", "six.moves.urllib.request.FancyURLopener")))
}
