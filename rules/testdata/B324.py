import hashlib
import crypt
from hashlib import md5

hashlib.md5(data)  # want: B324
md5(data).hexdigest()  # want: B324
hashlib.sha1(data, usedforsecurity=True)  # want: B324
hashlib.new("MD5")  # want: B324
hashlib.new(name="sha1")  # want: B324
crypt.crypt(pw, crypt.METHOD_MD5)  # want: B324
crypt.mksalt(crypt.METHOD_CRYPT)  # want: B324

hashlib.sha256(data)
hashlib.md5(data, usedforsecurity=False)
hashlib.new("sha256")
crypt.mksalt(crypt.METHOD_SHA512)
