import telnetlib  # want: B401
from telnetlib import Telnet  # want: B401

import paramiko
import telnetlib3
