import jinja2
from flask import Flask, render_template_string, request

app = Flask(__name__)
env = jinja2.Environment()


@app.route("/greet")
def greet():
    return render_template_string("<p>Hi " + request.args["name"] + "</p>")  # want: PW409


@app.route("/tpl")
def tpl():
    return jinja2.Template(request.form["template"]).render()  # want: PW409


@app.route("/env")
def from_env():
    return env.from_string(request.args["t"]).render()  # want: PW409


@app.route("/safe")
def safe():
    return render_template_string("<p>Hi {{ name }}</p>", name=request.args["name"])
