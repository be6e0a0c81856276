import os
import subprocess

subprocess.run(["sudo", "rm", path])  # want: PW202
os.system("echo 127.0.0.1 x | sudo tee -a /etc/hosts")  # want: PW202
subprocess.call("pkexec /bin/sh", shell=True)  # want: PW202
subprocess.run(["/usr/bin/doas", "reboot"])  # want: PW202

subprocess.run(["ls", "-l"])
os.system("man sudoers")
subprocess.run(["echo", "run with sudo if needed"])
HELP = "run `sudo pip install` only if you must"
# subprocess.run(["sudo", "reboot"])
