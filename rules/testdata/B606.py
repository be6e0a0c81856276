import os
from os import spawnlp

os.execv("/bin/ls", ["ls"])  # want: B606
spawnlp(os.P_WAIT, "ls", "ls")  # want: B606
os.startfile(path)  # want: B606
os.execvpe()  # want: B606

os.getcwd()
execv(path, args)
