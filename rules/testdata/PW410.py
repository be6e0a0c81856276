import ldap
from flask import Flask, request
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)


@app.route("/user")
def user(conn):
    uid = request.args["uid"]
    conn.search("dc=example,dc=com", "(uid=" + uid + ")")  # want: PW410


@app.route("/user2")
def user2(l):
    name = request.form["name"]
    return l.search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, f"(cn={name})")  # want: PW410


@app.route("/user3")
def user3(conn):
    uid = escape_filter_chars(request.args["uid"])
    conn.search("dc=example,dc=com", "(uid=" + uid + ")")


@app.route("/user4")
def user4(conn):
    # The base is fixed and the filter too; the request picks attributes.
    conn.search("dc=example,dc=com", "(objectClass=person)", attributes=[request.args["attr"]])
