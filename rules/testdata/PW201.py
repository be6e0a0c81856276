import os

os.setuid(0)  # want: PW201
os.setresgid(0, 0, 0)  # want: PW201
os.seteuid(0)  # want: PW201

os.setuid(1000)
os.setgid(nobody_gid)
