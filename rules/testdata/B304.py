from Crypto.Cipher import DES, ARC4
from Cryptodome.Cipher import Blowfish
from cryptography.hazmat.primitives.ciphers import algorithms

DES.new(key)  # want: B304
ARC4.new(key)  # want: B304
Blowfish.new(key, Blowfish.MODE_CBC)  # want: B304
algorithms.TripleDES(key)  # want: B304
algorithms.IDEA(key)  # want: B304

algorithms.AES(key)
AES.new(key, AES.MODE_GCM)
