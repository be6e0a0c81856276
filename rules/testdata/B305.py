from cryptography.hazmat.primitives.ciphers import modes
from cryptography.hazmat.primitives.ciphers.modes import ECB

modes.ECB()  # want: B305
ECB()  # want: B305

modes.GCM(iv)
modes.CBC(iv)
