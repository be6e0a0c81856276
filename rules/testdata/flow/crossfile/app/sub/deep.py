# Written by hand (not by gen.py): a level-2 relative import of
# ../helpers.py.
from flask import Flask, request

from ..helpers import evaluate, run_cmd

app = Flask(__name__)


# case: cross_level2_vuln
@app.route("/s")
def cross_level2_vuln():
    return str(evaluate(request.args["e"]))  # want: PW401


# case: cross_level2_safe
@app.route("/t")
def cross_level2_safe():
    return str(evaluate("1 + 1"))


# case: cross_level2_sink_vuln
@app.route("/u")
def cross_level2_sink_vuln():
    run_cmd(request.args["c"])  # want: PW402


# case: cross_level2_sink_safe
@app.route("/v")
def cross_level2_sink_safe():
    run_cmd("fixed")
