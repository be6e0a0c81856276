package flow

// HTTP clients: a response is network data; the URL of a request is
// where server-side request forgery happens.
var httpLib = Library{
	Name: "requests/httpx/urllib",
	Sources: []Source{
		{Name: "urllib.request.urlopen", Call: true, Labels: "network|user|remote", Note: "urllib.request.urlopen() response"},
		{Name: "urllib.urlopen", Call: true, Labels: "network|user|remote", Note: "urllib.urlopen() response"},
		{Name: "urllib2.urlopen", Call: true, Labels: "network|user|remote", Note: "urllib2.urlopen() response"},
		{Name: "requests.get", Call: true, Labels: "network|user|remote", Note: "requests.get() response"},
		{Name: "requests.post", Call: true, Labels: "network|user|remote", Note: "requests.post() response"},
		{Name: "requests.put", Call: true, Labels: "network|user|remote", Note: "requests.put() response"},
		{Name: "requests.patch", Call: true, Labels: "network|user|remote", Note: "requests.patch() response"},
		{Name: "requests.request", Call: true, Labels: "network|user|remote", Note: "requests.request() response"},
		{Name: "requests.Session.get", Call: true, Labels: "network|user|remote", Note: "requests.Session.get() response"},
		{Name: "httpx.get", Call: true, Labels: "network|user|remote", Note: "httpx.get() response"},
		{Name: "httpx.post", Call: true, Labels: "network|user|remote", Note: "httpx.post() response"},
		{Name: "httpx.request", Call: true, Labels: "network|user|remote", Note: "httpx.request() response"},
		{Name: "urllib3.request", Call: true, Labels: "network|user|remote", Note: "urllib3.request() response"},
		{Name: "http.client.HTTPResponse", Call: true, Labels: "network|user|remote"},
	},
	Sinks: func() []Sink {
		out := []Sink{
			{Func: "requests.request", Family: "ssrf", Args: []int{1}, Kws: []string{"url"}},
			{Func: "httpx.request", Family: "ssrf", Args: []int{1}, Kws: []string{"url"}},
			{Func: "urllib3.request", Family: "ssrf", Args: []int{1}, Kws: []string{"url"}},
			{Func: "urllib.request.urlopen", Family: "ssrf", Kws: []string{"url"}},
			{Func: "urllib.request.Request", Family: "ssrf", Kws: []string{"url"}},
			{Func: "urllib.request.urlretrieve", Family: "ssrf", Kws: []string{"url"}},
			{Func: "http.client.HTTPConnection", Family: "ssrf", Kws: []string{"host"}},
			{Func: "http.client.HTTPSConnection", Family: "ssrf", Kws: []string{"host"}},
			{Func: "socket.create_connection", Family: "ssrf", Kws: []string{"address"}},
			{Func: "aiohttp.request", Family: "ssrf", Args: []int{1}, Kws: []string{"url"}},
		}
		for _, m := range []string{"get", "post", "put", "patch", "delete", "head", "options"} {
			out = append(out,
				Sink{Func: "requests." + m, Family: "ssrf", Kws: []string{"url"}},
				Sink{Func: "httpx." + m, Family: "ssrf", Kws: []string{"url"}},
				Sink{Func: "requests.Session." + m, Family: "ssrf", Kws: []string{"url"}},
				Sink{Func: "httpx.Client." + m, Family: "ssrf", Kws: []string{"url"}},
				Sink{Func: "httpx.AsyncClient." + m, Family: "ssrf", Kws: []string{"url"}},
				Sink{Func: "aiohttp.ClientSession." + m, Family: "ssrf", Kws: []string{"url"}},
			)
		}
		return out
	}(),
}

// Databases: the SQL text of a query (never its parameters).
var sqlLib = Library{
	Name: "SQLAlchemy, psycopg/sqlite3/mysql",
	Sinks: []Sink{
		// DB-API cursors and connections, whichever driver.
		{Func: ".execute", Family: "sql", Kws: []string{"sql", "query", "operation", "statement"}},
		{Func: ".executemany", Family: "sql", Kws: []string{"sql", "query", "operation"}},
		{Func: ".executescript", Family: "sql", Kws: []string{"sql_script"}},
		{Func: ".mogrify", Family: "sql", Kws: []string{"query"}},
		{Func: "sqlite3.connect.execute", Family: "sql"},
		// SQLAlchemy: text() builds SQL from a string.
		{Func: "sqlalchemy.text", Family: "sql", Kws: []string{"text"}},
		{Func: "sqlalchemy.sql.text", Family: "sql", Kws: []string{"text"}},
		{Func: "sqlalchemy.sql.expression.text", Family: "sql", Kws: []string{"text"}},
		{Func: "pandas.read_sql", Family: "sql", Kws: []string{"sql"}},
		{Func: "pandas.read_sql_query", Family: "sql", Kws: []string{"sql"}},
		{Func: "psycopg2.sql.SQL", Family: "sql"},
		{Func: "psycopg.sql.SQL", Family: "sql"},
	},
	Sanitizers: []Sanitizer{
		{Func: "psycopg2.sql.Identifier", Families: "sql"}, {Func: "psycopg2.sql.Literal", Families: "sql"},
		{Func: "psycopg.sql.Identifier", Families: "sql"}, {Func: "psycopg.sql.Literal", Families: "sql"},
		{Func: "psycopg2.extensions.quote_ident", Families: "sql"},
		{Func: "sqlalchemy.bindparam", Families: "sql"},
		{Func: "MySQLdb.escape_string", Families: "sql"}, {Func: ".escape_string", Families: "sql"},
		{Func: "pymysql.converters.escape_string", Families: "sql"},
	},
}

// XML: XPath expressions built from input, and parsers that resolve
// entities fed input XML.
var xmlLib = Library{
	Name: "lxml/ElementTree",
	Sinks: []Sink{
		{Func: ".xpath", Family: "xpath", Kws: []string{"_path"}},
		{Func: "lxml.etree.XPath", Family: "xpath", Kws: []string{"path"}},
		{Func: "lxml.etree.ETXPath", Family: "xpath", Kws: []string{"path"}},
		{Func: "lxml.etree.fromstring", Family: "xxe", Kws: []string{"text"}},
		{Func: "lxml.etree.XML", Family: "xxe", Kws: []string{"text"}},
		{Func: "lxml.etree.parse", Family: "xxe", Kws: []string{"source"}},
		{Func: "lxml.etree.iterparse", Family: "xxe", Kws: []string{"source"}},
		{Func: "lxml.objectify.fromstring", Family: "xxe"},
		{Func: "xml.dom.pulldom.parseString", Family: "xxe"},
		{Func: "xml.sax.parseString", Family: "xxe"},
		{Func: "xml.dom.minidom.parseString", Family: "xxe"},
		{Func: "xml.etree.ElementTree.fromstring", Family: "xxe"},
		{Func: "xml.etree.ElementTree.XML", Family: "xxe"},
	},
	Propagators: []Propagator{{Func: ".findtext"}, {Func: ".text"}},
}

// LDAP: the filter of a search.
var ldapLib = Library{
	Name: "ldap3/python-ldap",
	Sinks: []Sink{
		{Func: ".search", Family: "ldap", Args: []int{1}, Kws: []string{"search_filter"}},
		{Func: ".search_s", Family: "ldap", Args: []int{2}, Kws: []string{"filterstr"}},
		{Func: ".search_st", Family: "ldap", Args: []int{2}, Kws: []string{"filterstr"}},
		{Func: ".search_ext", Family: "ldap", Args: []int{2}, Kws: []string{"filterstr"}},
		{Func: ".search_ext_s", Family: "ldap", Args: []int{2}, Kws: []string{"filterstr"}},
	},
	Sanitizers: []Sanitizer{
		{Func: "ldap3.utils.conv.escape_filter_chars", Families: "ldap"},
		{Func: "ldap.filter.escape_filter_chars", Families: "ldap"},
		{Func: "ldap.filter.filter_format", Families: "ldap"},
		{Func: "ldap.dn.escape_dn_chars", Families: "ldap"},
	},
}

// Templates: a template whose source is input runs the input.
var templatesLib = Library{
	Name: "Jinja2",
	Sinks: []Sink{
		{Func: "jinja2.Template", Family: "ssti", Kws: []string{"source"}},
		{Func: ".from_string", Family: "ssti", Kws: []string{"source"}},
		{Func: "mako.template.Template", Family: "ssti", Kws: []string{"text"}},
		{Func: "chevron.render", Family: "ssti", Kws: []string{"template"}},
	},
	Propagators: []Propagator{{Func: ".render"}},
}

// builtin is every library model the analysis starts with.
var builtin = []Library{
	stdlib, codeLib, filesLib, processLib, serialLib, malwareLib, exfilLib,
	flaskLib, djangoLib, starletteLib, aiohttpLib, tornadoLib, lambdaLib, headersLib,
	httpLib, sqlLib, xmlLib, ldapLib, templatesLib, invokersLib,
}
