import ctypes
import ctypes.util

libc = ctypes.CDLL("libc.so.6")
libc.setuid(0)  # want: PW207


def run(cmd):
    lib = ctypes.CDLL(ctypes.util.find_library("c"))
    lib.system(cmd.encode())  # want: PW207


libc.strlen(b"x")
libc.printf(b"%d\n", 1)
