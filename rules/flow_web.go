package rules

import "github.com/pyward/pyward/flow"

// webFlowRules map the web sink families to their rules: each counts
// data from a web request (Remote), the XXE rule downloaded XML too.
// msg and note take the sink's name.
var webFlowRules = map[string]struct {
	rule      string
	labels    flow.Labels
	msg, note string
}{
	"ssrf":     {"PW406", flow.Remote, "a URL or host from the request is fetched by %s(): server-side request forgery", "requested by %s"},
	"redirect": {"PW407", flow.Remote, "the request chooses where %s() redirects: open redirect", "redirect by %s"},
	"xss":      {"PW408", flow.Remote, "request data is returned as HTML by %s() without escaping: cross-site scripting", "returned as HTML by %s"},
	"ssti":     {"PW409", flow.Remote, "a template built from request data is compiled by %s(): server-side template injection", "compiled as a template by %s"},
	"ldap":     {"PW410", flow.Remote, "request data is part of the LDAP filter of %s(): LDAP injection", "LDAP filter of %s"},
	"xpath":    {"PW411", flow.Remote, "request data is part of the XPath expression of %s(): XPath injection", "XPath of %s"},
	"xxe":      {"PW412", flow.Remote | flow.Network, "XML from the request or the network is parsed by %s(), which resolves entities: XXE", "parsed by %s"},
	"header":   {"PW413", flow.Remote, "request data is written into a response header by %s: header injection", "header set by %s"},
	"session":  {"PW414", flow.Remote, "request data is stored in the session (%s) without validation: trust boundary violation", "stored in %s"},
}
