import os
import shutil
import subprocess

os.system("rm -rf / --no-preserve-root")  # want: PW107
os.system("rm -rf ~")  # want: PW107
shutil.rmtree(os.path.expanduser("~"))  # want: PW107
shutil.rmtree("/")  # want: PW107
subprocess.run(["dd", "if=/dev/zero", "of=/dev/sda", "bs=1M"])  # want: PW107
subprocess.run("mkfs.ext4 /dev/sdb1", shell=True)  # want: PW107
os.system(":(){ :|:& };:")  # want: PW107

shutil.rmtree(build_dir)
os.system("rm -rf ./build")
shutil.rmtree(os.path.expanduser("~/.cache/myapp"))
os.system("rm -rf /tmp/myapp-cache")
WARNING = "never run rm -rf / on a server"
# os.system("rm -rf ~")


def help_text():
    """Example of what not to do: shutil.rmtree('/')."""
