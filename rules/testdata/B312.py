import telnetlib
from telnetlib import Telnet

telnetlib.Telnet(host)  # want: B312
Telnet(host, 23)  # want: B312

telnetlib.IAC
paramiko.SSHClient()
