import base64
import codecs
import importlib
import os

m = __import__("o" + "s")  # want: PW104
sp = importlib.import_module(base64.b64decode("c3VicHJvY2Vzcw==").decode())  # want: PW104
getattr(os, "metsys"[::-1])("id")  # want: PW104
getattr(__builtins__, "ex" + "ec")(code)  # want: PW104
f = getattr(os, "".join(chr(c) for c in [115, 121, 115, 116, 101, 109]))  # want: PW104
m = __import__(codecs.decode("bf", "rot13"))  # want: PW104

json = __import__("json")
handler = getattr(self, "handle_" + kind)
plugin = importlib.import_module("plugins." + name)
value = getattr(obj, "name")
exec_ = getattr(builtins, "exec")

# Dangerous functions reached by a string, even a literal one, and called.
import builtins
import ctypes
import sys

getattr(os, "system")("id")  # want: PW104
__import__("subprocess").check_output(["id"])  # want: PW104
sys.modules["os"].popen("id")  # want: PW104
sys.modules["o" + "s"].system("id")  # want: PW104
vars(__builtins__)["exec"](code)  # want: PW104
globals()["eval"](code)  # want: PW104
getattr(builtins, b"\x85\xa7\x85\x83".decode("cp1026"))(code)  # want: PW104
run = __import__("os").system
run("id")  # want: PW104

# Looked up but harmless, or not called.
windll = getattr(ctypes, "windll")
windll.shell32.SHGetFolderPathW(None, 5, None, 0, buf)
uid = getattr(os, "getuid", None)
__import__("pkg_resources").declare_namespace(__name__)
