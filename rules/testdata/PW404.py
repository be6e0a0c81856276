import sqlite3
import sys

cur = sqlite3.connect("db").cursor()
cur.execute("SELECT * FROM t WHERE id = " + sys.argv[1])  # want: PW404


def lookup(request):
    name = request.GET["name"]
    query = f"SELECT * FROM users WHERE name = '{name}'"
    cur.execute(query)  # want: PW404


cur.execute("SELECT * FROM t WHERE id = ?", (sys.argv[1],))
cur.execute("SELECT 1")
