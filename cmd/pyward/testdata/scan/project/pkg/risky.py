import os
import subprocess


def clean(target):
    os.system("rm -rf " + target)
    subprocess.call("tar czf " + target, shell=True)
