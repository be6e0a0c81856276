import os
import stat
from pathlib import Path

os.chmod(path, 0o4755)  # want: PW203
os.chmod(path, stat.S_ISUID | stat.S_IRWXU)  # want: PW203
os.system("chmod u+s /tmp/sh")  # want: PW203
Path(path).chmod(0o2755)  # want: PW203
os.system("chmod 6755 /tmp/sh")  # want: PW203

os.chmod(path, 0o755)
os.chmod(path, stat.S_IRWXU)
os.system("chmod 755 /tmp/tool")
