from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from flask import Flask, redirect, request, url_for

app = Flask(__name__)


@app.route("/login")
def login():
    return redirect(request.args.get("next", "/"))  # want: PW407


def django_view(request):
    return HttpResponseRedirect(request.GET["next"])  # want: PW407


def django_checked(request):
    target = request.GET["next"]
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={"example.com"}):
        target = "/"
    return HttpResponseRedirect(target)


@app.route("/home")
def home():
    return redirect(url_for("index"))
