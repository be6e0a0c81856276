import subprocess
from subprocess import Popen as P, run
import subprocess as sp

subprocess.Popen(cmd, shell=True)  # want: B602
subprocess.call("ls -l", shell=True)  # want: B602
P(cmd, shell=1)  # want: B602
run(["ls", d], shell=flag)  # want: B602
sp.check_output(
    "tar czf " + target,
    shell=True,  # want: B602
)
subprocess.check_call(cmd, shell="False")  # want: B602

subprocess.Popen(cmd)
subprocess.Popen(cmd, shell=False)
subprocess.Popen(cmd, shell=0)
subprocess.Popen(cmd, shell=None)
subprocess.Popen(cmd, shell="")
subprocess.Popen(cmd, shell=[])
subprocess.call(shell=True)
os.system(cmd, shell=True)
