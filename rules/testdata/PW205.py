import ctypes
import subprocess

subprocess.run(["insmod", "rootkit.ko"])  # want: PW205
subprocess.call("modprobe -r evbug", shell=True)  # want: PW205
libc = ctypes.CDLL(None)
libc.init_module(image, size, b"")  # want: PW205

subprocess.run(["lsmod"])
subprocess.run(["echo", "modprobe"])
