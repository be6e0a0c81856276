package flow

// Web frameworks: their request objects, request handlers whose
// parameters come from the URL, and their responses (redirects, HTML,
// headers, the session).
var flaskLib = Library{
	Name: "flask",
	Web:  []string{"flask", "werkzeug", "bottle", "pyramid", "falcon", "sanic"},
	Sources: []Source{
		{Name: "flask.request.*", Labels: "user|remote"},
		{Name: "bottle.request.*", Labels: "user|remote"},
		{Name: "flask.request.get_json", Call: true, Labels: "user|remote"},
		{Name: "flask.request.get_data", Call: true, Labels: "user|remote"},
	},
	RequestNames:    []string{"request"},
	WebRequestNames: []string{"req"},
	RequestAttrs: []string{"args", "form", "values", "json", "data", "cookies", "headers", "files", "stream",
		"query_string", "full_path", "url", "path", "get_json", "get_data", "environ", "referrer", "user_agent",
		"host", "host_url", "base_url", "url_root", "remote_addr", "authorization", "params", "POST", "GET",
		"query", "forms", "body", "json_body", "matchdict", "media"},
	RequestMethods:  []string{"get_json", "get_data"},
	RouteDecorators: []string{"route", "get", "post", "put", "patch", "delete", "api_route", "websocket", "head", "options"},
	NotRequestParams: []string{"self", "cls", "request", "req", "db", "session", "current_user", "user",
		"background_tasks", "response", "settings"},
	Sinks: []Sink{
		{Func: "flask.redirect", Family: "redirect", Kws: []string{"location"}},
		{Func: "werkzeug.utils.redirect", Family: "redirect", Kws: []string{"location"}},
		{Func: "bottle.redirect", Family: "redirect", Kws: []string{"url"}},
		{Func: "flask.make_response", Family: "xss", AllArgs: true},
		{Func: "flask.Response", Family: "xss", Kws: []string{"response"}},
		{Func: "werkzeug.wrappers.Response", Family: "xss", Kws: []string{"response"}},
		{Func: "flask.Markup", Family: "xss"},
		{Func: "markupsafe.Markup", Family: "xss"},
		{Func: "flask.render_template_string", Family: "ssti", Kws: []string{"source"}},
		{Func: "flask.send_file", Family: "path", Kws: []string{"path_or_file", "filename_or_fp"}, Action: "sends"},
		{Func: "flask.send_from_directory", Family: "path", Args: []int{0}, Action: "sends"},
		{Func: "send_file", Family: "path", Action: "sends"},
	},
	ItemSinks: []ItemSink{
		{Name: "flask.session", Family: "session"},
		{Attr: "headers", Family: "header"},
		{Attr: "session", Family: "session"},
	},
	Sanitizers: []Sanitizer{
		{Func: "werkzeug.utils.secure_filename", Families: "path|command"},
		{Func: "werkzeug.utils.safe_join", Families: "path"},
		{Func: "werkzeug.security.safe_join", Families: "path"},
		{Func: "flask.safe_join", Families: "path"},
		{Func: "markupsafe.escape", Families: "xss"},
		{Func: "flask.escape", Families: "xss"},
		{Func: "bleach.clean", Families: "xss"},
		{Func: "flask.url_for", Families: "redirect"},
	},
	Propagators: []Propagator{{Func: "flask.jsonify", From: "args"}},
}

var djangoLib = Library{
	Name:              "django",
	Web:               []string{"django"},
	RequestAttrs:      []string{"GET", "POST", "COOKIES", "META", "FILES", "body", "path", "path_info", "headers", "content_params", "resolver_match"},
	RequestMethods:    []string{"get_full_path", "build_absolute_uri", "get_host", "read", "readline"},
	RequestParamTypes: []string{"HttpRequest", "django.http.HttpRequest", "WSGIRequest"},
	Sinks: []Sink{
		{Func: "django.shortcuts.redirect", Family: "redirect", Kws: []string{"to"}},
		{Func: "django.http.HttpResponseRedirect", Family: "redirect", Kws: []string{"redirect_to"}},
		{Func: "django.http.HttpResponsePermanentRedirect", Family: "redirect", Kws: []string{"redirect_to"}},
		{Func: "django.http.HttpResponse", Family: "xss", Kws: []string{"content"}},
		{Func: "django.utils.safestring.mark_safe", Family: "xss"},
		{Func: "django.utils.html.format_html", Family: "xss", Args: []int{0}},
		{Func: "django.template.Template", Family: "ssti", Kws: []string{"template_string"}},
		{Func: "django.db.models.expressions.RawSQL", Family: "sql", Kws: []string{"sql"}},
		{Func: "django.db.models.RawSQL", Family: "sql", Kws: []string{"sql"}},
		{Func: ".extra", Family: "sql", Args: []int{}, Kws: []string{"where", "select", "tables", "order_by"}},
		{Func: ".raw", Family: "sql", Kws: []string{"raw_query"}},
	},
	Sanitizers: []Sanitizer{
		{Func: "django.utils.html.escape", Families: "xss"},
		{Func: "django.utils.html.conditional_escape", Families: "xss"},
		{Func: "django.utils.html.strip_tags", Families: "xss"},
		{Func: "django.utils.text.slugify", Families: "path|command|sql|xss|header|ldap|xpath"},
		{Func: "django.utils.encoding.iri_to_uri", Families: "header"},
	},
	Guards: []Guard{
		{Func: "django.utils.http.url_has_allowed_host_and_scheme", Arg: 0, Families: "redirect|ssrf"},
		{Func: "django.utils.http.is_safe_url", Arg: 0, Families: "redirect|ssrf"},
	},
}

var starletteLib = Library{
	Name:              "fastapi/starlette",
	Web:               []string{"fastapi", "starlette"},
	RequestAttrs:      []string{"query_params", "path_params", "client"},
	RequestMethods:    []string{"body", "form", "stream"},
	RequestParamTypes: []string{"Request", "fastapi.Request", "starlette.requests.Request", "WebSocket"},
	DependencyMarkers: []string{"Depends", "Security"},
	Sinks: []Sink{
		{Func: "starlette.responses.RedirectResponse", Family: "redirect", Kws: []string{"url"}},
		{Func: "fastapi.responses.RedirectResponse", Family: "redirect", Kws: []string{"url"}},
		{Func: "starlette.responses.HTMLResponse", Family: "xss", Kws: []string{"content"}},
		{Func: "fastapi.responses.HTMLResponse", Family: "xss", Kws: []string{"content"}},
		{Func: "starlette.responses.FileResponse", Family: "path", Kws: []string{"path"}, Action: "sends"},
		{Func: "fastapi.responses.FileResponse", Family: "path", Kws: []string{"path"}, Action: "sends"},
	},
}

var aiohttpLib = Library{
	Name:              "aiohttp",
	Web:               []string{"aiohttp"},
	RequestAttrs:      []string{"match_info", "query", "rel_url", "content", "raw_path", "post"},
	RequestMethods:    []string{"text", "json", "post", "read", "multipart"},
	RequestParamTypes: []string{"web.Request", "aiohttp.web.Request", "aiohttp.web_request.Request", "BaseRequest"},
	Sinks: []Sink{
		{Func: "aiohttp.web.HTTPFound", Family: "redirect", Kws: []string{"location"}},
		{Func: "aiohttp.web.HTTPSeeOther", Family: "redirect", Kws: []string{"location"}},
		{Func: "aiohttp.web.HTTPMovedPermanently", Family: "redirect", Kws: []string{"location"}},
		{Func: "aiohttp.web.HTTPTemporaryRedirect", Family: "redirect", Kws: []string{"location"}},
		{Func: "aiohttp.web.Response", Family: "xss", Args: []int{}, Kws: []string{"text", "body"}},
		{Func: "aiohttp.web.FileResponse", Family: "path", Kws: []string{"path"}, Action: "sends"},
	},
}

var tornadoLib = Library{
	Name:           "tornado",
	Web:            []string{"tornado"},
	RequestAttrs:   []string{"arguments", "query_arguments", "body_arguments", "uri", "query", "body"},
	RequestMethods: []string{},
	Sources: []Source{
		// RequestHandler methods, called on self.
		{Name: "self.get_argument", Call: true, Labels: "user|remote"},
		{Name: "self.get_arguments", Call: true, Labels: "user|remote"},
		{Name: "self.get_query_argument", Call: true, Labels: "user|remote"},
		{Name: "self.get_query_arguments", Call: true, Labels: "user|remote"},
		{Name: "self.get_body_argument", Call: true, Labels: "user|remote"},
		{Name: "self.get_body_arguments", Call: true, Labels: "user|remote"},
		{Name: "self.get_cookie", Call: true, Labels: "user|remote"},
		{Name: "self.request.body", Labels: "user|remote"},
		{Name: "self.request.arguments", Labels: "user|remote"},
		{Name: "self.request.query", Labels: "user|remote"},
		{Name: "self.request.uri", Labels: "user|remote"},
		{Name: "self.request.headers", Labels: "user|remote"},
		{Name: "self.request.files", Labels: "user|remote"},
	},
	Sinks: []Sink{
		{Func: "self.redirect", Family: "redirect", Kws: []string{"url"}},
		{Func: "self.write", Family: "xss", Kws: []string{"chunk"}},
		{Func: "self.finish", Family: "xss", Kws: []string{"chunk"}},
		{Func: "self.set_header", Family: "header", Args: []int{1}, Kws: []string{"value"}},
		{Func: "self.add_header", Family: "header", Args: []int{1}, Kws: []string{"value"}},
		{Func: "tornado.template.Template", Family: "ssti", Kws: []string{"template_string"}},
	},
	Sanitizers: []Sanitizer{{Func: "tornado.escape.xhtml_escape", Families: "xss"}, {Func: "tornado.escape.url_escape", Families: "header|xss"}},
}

// AWS Lambda: a handler's event is the request.
var lambdaLib = Library{
	Name:          "aws lambda",
	EventHandlers: []string{"lambda_handler", "handler", "handle", "main"},
}

// Headers set on a response object, whatever the framework.
var headersLib = Library{
	Name: "http headers",
	Sinks: []Sink{
		{Func: ".set_header", Family: "header", Args: []int{1}},
		{Func: ".add_header", Family: "header", Args: []int{1}},
		{Func: ".set_cookie", Family: "header", Args: []int{1}, Kws: []string{"value"}},
	},
}
