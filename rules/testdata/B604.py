import os
import subprocess

run_command(cmd, shell=True)  # want: B604
os.system(cmd, shell=True)  # want: B604
helpers.execute(
    cmd,
    shell=1,  # want: B604
)

subprocess.Popen(cmd, shell=True)
run_command(cmd, shell=False)
run_command(cmd)
