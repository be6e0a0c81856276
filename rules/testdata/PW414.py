from flask import Flask, request, session

app = Flask(__name__)


@app.route("/set")
def set_role():
    session["role"] = request.args["role"]  # want: PW414
    return "ok"


def django_view(request):
    request.session["theme"] = request.GET["theme"]  # want: PW414


@app.route("/checked")
def checked():
    role = request.args["role"]
    if role in ("reader", "writer"):
        session["role"] = role
    return "ok"


@app.route("/count")
def count():
    session["visits"] = int(request.args.get("n", 0))
    return "ok"
