import subprocess
from subprocess import run

subprocess.Popen(["/bin/ls", d])  # want: B603
run(args, shell=False)  # want: B603
subprocess.check_output([])  # want: B603
subprocess.call(cmd,  # want: B603
    timeout=5)
subprocess.call(  # want: B603
    cmd,
)

subprocess.Popen(cmd, shell=True)
subprocess.getoutput("ls")
