package rules

import "github.com/pyward/pyward/python/ast"

func init() {
	Register(&Rule{
		ID: "PW410", Name: "request_ldap_injection", Severity: High, Confidence: Medium, CWE: 90,
		Message:        "request data is part of an LDAP search filter",
		Recommendation: "Escape values with ldap3.utils.conv.escape_filter_chars or ldap.filter.escape_filter_chars (or build the filter with filter_format).",
		Help:           "Request data in the filter of an ldap3 Connection.search or python-ldap search_s changes the filter: (uid=*) lists every entry, )(|(uid=* widens a login check.",
		Flagged:        []string{"from flask import request\ndef f(conn):\n    conn.search(\"dc=example,dc=com\", \"(uid=\" + request.args[\"u\"] + \")\")\n"},
		Clean:          []string{"from flask import request\nfrom ldap3.utils.conv import escape_filter_chars\ndef f(conn):\n    conn.search(\"dc=example,dc=com\", \"(uid=\" + escape_filter_chars(request.args[\"u\"]) + \")\")\n"},
		Kinds:          []Kind{KindEnd},
		Check:          func(c *Context, _ ast.Node) { c.reportFlow() },
	})
}
