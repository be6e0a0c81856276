# Written by hand (not by gen.py): data flow into the helpers of
# helpers.py, another file of the same scan.
import os

from flask import Flask, request

from app import helpers
from app.helpers import find_user, find_user_safe, get_param, get_param_int, ident, read_fixed, read_query, run_cmd, run_quoted
from . import helpers as h
from .helpers import kill, read_file, read_file_safe

app = Flask(__name__)


# case: cross_sink_vuln
@app.route("/a")
def cross_sink_vuln():
    run_cmd(request.args["c"])  # want: PW402


# case: cross_sink_safe
@app.route("/b")
def cross_sink_safe():
    run_quoted(request.args["c"])


# case: cross_module_attr_vuln
@app.route("/c")
def cross_module_attr_vuln():
    helpers.run_cmd(request.args["c"])  # want: PW402


# case: cross_module_attr_safe
@app.route("/d")
def cross_module_attr_safe():
    helpers.kill(request.args["pid"])


# case: cross_relative_alias_vuln
@app.route("/e")
def cross_relative_alias_vuln():
    h.run_cmd(request.form["c"])  # want: PW402


# case: cross_relative_alias_safe
@app.route("/f")
def cross_relative_alias_safe():
    kill(request.form["pid"])


# case: cross_return_param_vuln
@app.route("/g")
def cross_return_param_vuln():
    os.system("ls " + get_param(request))  # want: PW402


# case: cross_return_param_safe
@app.route("/h")
def cross_return_param_safe():
    os.system("ls " + str(get_param_int(request)))


# case: cross_return_source_vuln
@app.route("/i")
def cross_return_source_vuln():
    os.system("ls " + read_query())  # want: PW402


# case: cross_return_source_safe
@app.route("/j")
def cross_return_source_safe():
    os.system("ls " + read_fixed())


# case: cross_ident_vuln
@app.route("/k")
def cross_ident_vuln():
    os.system("ls " + ident(request.args["d"]))  # want: PW402


# case: cross_ident_safe
@app.route("/l")
def cross_ident_safe():
    os.system("ls " + ident("fixed"))


# case: cross_sql_vuln
@app.route("/m")
def cross_sql_vuln():
    return str(find_user(request.args["n"]))  # want: PW404


# case: cross_sql_safe
@app.route("/n")
def cross_sql_safe():
    return str(find_user_safe(request.args["n"]))


# case: cross_path_vuln
@app.route("/o")
def cross_path_vuln():
    return read_file(request.args["f"])  # want: PW405


# case: cross_path_safe
@app.route("/p")
def cross_path_safe():
    return read_file_safe(request.args["f"])


# case: cross_local_chain_vuln
def forward(cmd):
    run_cmd(cmd)  # want: PW402


@app.route("/q")
def cross_local_chain_vuln():
    forward(request.args["c"])


# case: cross_local_chain_safe
def forward_quoted(cmd):
    run_quoted(cmd)


@app.route("/r")
def cross_local_chain_safe():
    forward_quoted(request.args["c"])
