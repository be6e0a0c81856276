import base64
import codecs
import marshal
import zlib

exec(base64.b64decode("cHJpbnQoJ2hpJyk="))  # want: PW101


def loader(blob):
    payload = zlib.decompress(base64.b64decode(blob))
    code = marshal.loads(payload)  # want: PW101
    exec(code)  # want: PW101


def rot(s):
    src = codecs.decode(s, "rot13")
    eval(src)  # want: PW101


def hexed(h):
    cmd = bytes.fromhex(h).decode()
    import os
    os.system(cmd)  # want: PW101


# Decoding data that is then only stored or printed is fine.
data = base64.b64decode(blob)
open("out.bin", "wb").write(data)
print(zlib.decompress(data))
exec("x = 1")
text = "exec(base64.b64decode(payload))"  # the words in a string
# exec(base64.b64decode(payload))
"""Docs: exec(zlib.decompress(data)) runs hidden code."""
