package rules

func init() {
	Register(callRule(&Rule{
		ID: "B308", Name: "mark_safe", Severity: Medium, CWE: 79,
		Message:        "mark_safe turns off HTML escaping: input in the string can inject script",
		Recommendation: "Let the template engine escape values; use format_html to build markup from parts.",
		Help:           "Django escapes values in templates unless they are marked safe. A marked string that carries user input is a cross-site scripting hole.",
		Flagged: []string{
			"from django.utils.safestring import mark_safe\nmark_safe(html)\n",
		},
		Clean: []string{
			"from django.utils.html import format_html\nformat_html('<b>{}</b>', name)\n",
		},
	}, expand("django.utils.safestring.mark_safe")))
}
