import os
from os import fchmod

os.chmod(path, 0o777)  # want: B103
os.chmod(path, 0o750)  # want: B103
fchmod(fd, 0x1ff)  # want: B103
os.lchmod(path, 511)  # want: B103

os.chmod(path, 0o600)
os.chmod(path, 0o644)
os.chmod(path, stat.S_IRWXU)
os.chmod(path, mode=0o777)
os.chmod(path, 0o755 | 0o022)
