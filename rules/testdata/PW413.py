from urllib.parse import quote

from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/h")
def h():
    resp = make_response("ok")
    resp.headers["X-User"] = request.args["user"]  # want: PW413
    return resp


class Handler:
    def get(self):
        self.set_header("X-Name", self.get_argument("name"))  # want: PW413


@app.route("/quoted")
def quoted():
    resp = make_response("ok")
    resp.headers["X-User"] = quote(request.args["user"])
    return resp


@app.route("/fixed")
def fixed():
    resp = make_response("ok")
    resp.headers["X-Frame-Options"] = "DENY"
    return resp
