from cryptography.hazmat.primitives.asymmetric import dsa, ec, rsa
from Crypto.PublicKey import DSA, RSA

rsa.generate_private_key(65537, 1024)  # want: B505
rsa.generate_private_key(public_exponent=65537, key_size=512)  # want: B505
dsa.generate_private_key(1024)  # want: B505
DSA.generate(512)  # want: B505
RSA.generate(bits=1024)  # want: B505
ec.generate_private_key(ec.SECP192R1())  # want: B505
ec.generate_private_key(curve=ec.SECT163R2)  # want: B505

rsa.generate_private_key(65537, 4096)
RSA.generate(bits)
RSA.generate(2048)
ec.generate_private_key(ec.SECP256R1())
dsa.generate_private_key(key_size=0)
