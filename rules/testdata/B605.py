import os
import os as o
import subprocess
from os import popen

os.system("rm -rf " + path)  # want: B605
o.popen(cmd)  # want: B605
popen("ls")  # want: B605
subprocess.getoutput("ls")  # want: B605
subprocess.getstatusoutput(cmd)  # want: B605

os.system()
system("ls")
subprocess.run(["ls"])
os.popen
