import os
import shutil
from pathlib import Path

open("/etc/hosts", "a").write(line)  # want: PW204
shutil.copy(lib, "/usr/lib/libz.so.1")  # want: PW204
os.system("echo ok >> /etc/sudoers")  # want: PW204
Path("/etc/ld.so.preload").write_text(lib)  # want: PW204
os.remove("/etc/passwd")  # want: PW204
open(os.path.join("/boot", "grub", "grub.cfg"), "w")  # want: PW204
open("C:\\Windows\\System32\\drivers\\etc\\hosts", "a")  # want: PW204

open("/etc/hosts").read()
open("/dev/null", "w")
open(os.path.join(home, ".config/app.ini"), "w")
shutil.copy("/etc/hosts", "hosts.bak")
open("/proc/self/oom_score_adj", "w")
