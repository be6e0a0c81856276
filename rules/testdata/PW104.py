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
