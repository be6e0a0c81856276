import html

from django.http import HttpResponse
from django.utils.safestring import mark_safe
from flask import Flask, make_response, request
from markupsafe import Markup, escape

app = Flask(__name__)


@app.route("/hello")
def hello():
    name = request.args["name"]
    return make_response("<h1>Hello " + name + "</h1>")  # want: PW408


@app.route("/markup")
def markup():
    return Markup(f"<b>{request.args['q']}</b>")  # want: PW408


def django_view(request):
    return HttpResponse("<p>%s</p>" % request.GET["q"])  # want: PW408


def django_safe(request):
    return mark_safe(request.POST["bio"])  # want: PW408


@app.route("/escaped")
def escaped():
    return make_response("<h1>Hello " + html.escape(request.args["name"]) + "</h1>")


@app.route("/escaped2")
def escaped2():
    return Markup("<b>%s</b>" % escape(request.args["q"]))


def django_fixed(request):
    return HttpResponse("<p>fixed</p>")
