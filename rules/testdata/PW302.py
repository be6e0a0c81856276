import os

aws_secret_access_key = "Zt9fQw4Lr0Vx+Jm2Kp8Ns6Hd3Bc1Ye7Ua5Ig/Xo2"  # want: PW302
config = {"AWS_SECRET_KEY": "q8Lm2Rk9Vt4Wn8Bz3Yc6Zd1Fg5Hj0Ks2Pa9NxQeW"}  # want: PW302

aws_secret_access_key = os.environ["AWS_SECRET_ACCESS_KEY"]
aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
digest = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b"  # a sha1, no AWS name nearby
