import os
import subprocess

import iptc

os.system("iptables -F")  # want: PW206
subprocess.call(["ufw", "disable"])  # want: PW206
subprocess.run("netsh advfirewall set allprofiles state off", shell=True)  # want: PW206
rule = iptc.Rule()  # want: PW206

subprocess.call(["ss", "-tlnp"])
