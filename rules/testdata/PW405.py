import os

from flask import Flask, request, send_file
from werkzeug.utils import secure_filename

app = Flask(__name__)


@app.route("/f")
def read():
    return open("/srv/files/" + request.args["name"]).read()  # want: PW405


@app.route("/dl/<path:name>")
def download(name):
    return send_file(os.path.join("/srv/files", name))  # want: PW405


@app.route("/rm", methods=["POST"])
def remove():
    os.remove(request.form["path"])  # want: PW405


@app.route("/ok")
def ok():
    name = secure_filename(request.args["name"])
    return open(os.path.join("/srv/files", name)).read()


def cli(path):
    return open(path).read()
