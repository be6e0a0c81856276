import urllib.request

import httpx
import requests
from flask import Flask, request

app = Flask(__name__)
BASE = "https://api.example.com"


@app.route("/proxy")
def proxy():
    url = request.args["url"]
    return requests.get(url).text  # want: PW406


@app.route("/fetch")
def fetch():
    return urllib.request.urlopen(request.form["target"]).read()  # want: PW406


@app.route("/hook")
def hook():
    host = request.args.get("host")
    return httpx.post(f"http://{host}/notify", json={}).text  # want: PW406


@app.route("/search")
def search():
    # The request chooses a parameter, not where the request goes.
    return requests.get(BASE + "/search", params={"q": request.args["q"]}).text


@app.route("/allowed")
def allowed():
    url = request.args["url"]
    if url not in ALLOWED_URLS:
        return "no"
    return requests.get(url).text


ALLOWED_URLS = {"https://a.example.com/", "https://b.example.com/"}
