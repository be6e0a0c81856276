import os
import shlex
import subprocess
import sys

name = input()
os.system("ls " + name)  # want: PW402
subprocess.run(f"grep {sys.argv[1]} log", shell=True)  # want: PW402


def run(args):
    target = sys.argv[2]
    subprocess.check_call(["tar", "xf", target])  # want: PW402


os.system("ls " + shlex.quote(input()))
editor = os.environ.get("EDITOR", "vi")
os.system(editor + " notes.txt")
subprocess.run(["ls", "-l"])


def test_quote(monkeypatch):
    """Tests feed fixed strings, not input: os.system("ls " + name)."""
    os.system("ls " + shlex.quote("fixture"))
