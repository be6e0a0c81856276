from mako.template import Template
import mako.template

Template(text)  # want: B702
mako.template.Template("${x}")  # want: B702

jinja2.Template(text)
