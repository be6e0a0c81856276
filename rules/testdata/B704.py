from markupsafe import Markup, escape
import flask

Markup(user_html)  # want: B704
flask.Markup(f"<b>{name}</b>")  # want: B704
Markup(escape(name))  # want: B704

Markup("<b>static</b>")
Markup("<b>{}</b>").format(name)
escape(name)
