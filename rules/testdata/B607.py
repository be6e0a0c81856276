import os
import subprocess

subprocess.Popen(["ls", "-l"])  # want: B607
os.system("ls")  # want: B607
os.execlp("git", "git", "status")  # want: B607
subprocess.run("make install", shell=True)  # want: B607

subprocess.Popen(["/bin/ls", "-l"])
os.system("./run.sh")
os.system("C:\\Windows\\notepad.exe")
os.system("\\\\server\\share\\tool.exe")
subprocess.call([])
subprocess.call(cmd)
subprocess.call(("ls", "-l"))
os.system("ls".upper())
