import socket

import requests

WEBHOOK = "https://discord.com/api/webhooks/1098/abc-token"  # want: PW501
GATE = "http://45.61.139.22:8080/gate.php"  # want: PW501
requests.post("https://eo1m2x3.m.pipedream.net", json={})  # want: PW501
s = socket.create_connection(("185.62.57.117", 443))  # want: PW501
s.sendto(b"x", ("185.62.57.117", 53))  # want: PW501
SHORT = "https://bit.ly/3xPyUp"  # want: PW501
TUNNEL = "wss://tiny-cloud.trycloudflare.com/ws"  # want: PW501
PASTE = "https://pastebin.com/raw/Xy7Pq2"  # want: PW501
DDNS = "http://c2.duckdns.org/p"  # want: PW501

# Not call-home endpoints.
requests.get("https://pypi.org/pypi/requests/json")
INVITE = "https://discord.com/invite/python"
PASTE_PAGE = "https://pastebin.com/Xy7Pq2"
DB = ("10.0.0.5", 5432)
socket.create_connection(("127.0.0.1", 8080))
RESOLVER = "8.8.8.8"
DOC = "http://192.0.2.10/"
s.connect(("db.internal", 5432))
