# Written by hand (not by gen.py): the helpers the cross-file cases in
# views.py and sub/deep.py call. A folder of the corpus is one scan.
import os
import shlex
import sqlite3

from flask import request

conn = sqlite3.connect("app.db")


def run_cmd(cmd):
    os.system("echo " + cmd)


def run_quoted(cmd):
    os.system("echo " + shlex.quote(cmd))


def kill(pid):
    os.system("kill " + str(int(pid)))


def get_param(req):
    return req.args.get("q")


def get_param_int(req):
    return int(req.args.get("q"))


def read_query():
    return request.args["q"]


def read_fixed():
    return "fixed"


def ident(value):
    return value.strip()


def find_user(name):
    return conn.execute("SELECT * FROM users WHERE name = '" + name + "'")


def find_user_safe(name):
    return conn.execute("SELECT * FROM users WHERE name = ?", (name,))


def read_file(name):
    with open("/srv/data/" + name) as f:
        return f.read()


def read_file_safe(name):
    with open("/srv/data/" + os.path.basename(name)) as f:
        return f.read()


def evaluate(expr):
    return eval(expr)
