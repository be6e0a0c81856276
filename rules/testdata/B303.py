from Crypto.Hash import MD5, SHA
from Cryptodome.Hash import MD4
from cryptography.hazmat.primitives import hashes

MD5.new(b"x")  # want: B303
SHA.new(b"x")  # want: B303
MD4.new()  # want: B303
hashes.MD5()  # want: B303
hashes.SHA1()  # want: B303

hashes.SHA256()
hashlib.sha256(b"x")
