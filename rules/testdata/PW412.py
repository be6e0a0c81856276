import defusedxml.ElementTree as SafeET
import requests
from flask import Flask, request
from lxml import etree

app = Flask(__name__)


@app.route("/upload", methods=["POST"])
def upload():
    doc = etree.fromstring(request.data)  # want: PW412
    return doc.tag


def feed(url):
    body = requests.get(url).content
    return etree.XML(body)  # want: PW412


@app.route("/safe", methods=["POST"])
def safe():
    return SafeET.fromstring(request.data).tag


def local():
    return etree.parse("config.xml")
