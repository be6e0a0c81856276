cur.execute("SELECT * FROM users WHERE id = " + uid)  # want: B608
cur.execute("UPDATE t SET a = %s" % a)  # want: B608
cur.executemany("INSERT INTO t (a) VALUES (%s)" % ",".join(vals), rows)  # want: B608
q = f"DELETE FROM t WHERE id = {i}"  # want: B608
q = "SELECT {} FROM t".format(col)  # want: B608
q = "SELECT a FROM t WHERE b = 'x'".replace("x", y)  # want: B608
sql = ("SELECT name "  # want: B608
       "FROM users WHERE id = " + str(uid))
q = "SELECT * " + "FROM foo " + x  # want: B608

cur.execute("SELECT * FROM users WHERE id = %s", (uid,))
cur.execute("SELECT * FROM t")
msg = "selected " + str(n) + " files"
label = f"update {n} settings"
text = "from here " + there
