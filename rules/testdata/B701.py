import jinja2
from jinja2 import Environment, select_autoescape

jinja2.Environment(loader=loader)  # want: B701
Environment(autoescape=False)  # want: B701
Environment(autoescape=settings.AUTOESCAPE)  # want: B701

Environment(autoescape=select_autoescape())
jinja2.Environment(autoescape=True)
Environment(autoescape=jinja2.select_autoescape(["html"]))
