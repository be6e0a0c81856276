from Crypto.Cipher import AES  # want: B413
import Crypto.Hash.SHA256  # want: B413
from Crypto.PublicKey import RSA  # want: B413

import Crypto
from Cryptodome.Cipher import AES
