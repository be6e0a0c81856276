import os
import subprocess

os.system("tar cf backup.tar *")  # want: B609
os.popen("chown user:group *.txt")  # want: B609
subprocess.Popen("chmod +x *", shell=True)  # want: B609
subprocess.call(
    ["rsync", "-a", "*", "dest/"],
    shell=True,  # want: B609
)

os.system("tar cf backup.tar dir")
subprocess.Popen(["chmod", "+x", "*"])
subprocess.Popen("chmod +x *", shell=1)
os.system("ls *")
