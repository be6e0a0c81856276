TOKEN = "ghp_R7xk2Lm9Qv4Tn8Wb3Yc6Zd1Fg5Hj0Ks2Pa9N"  # want: PW303
headers = {"Authorization": "token gho_Zq4Lm8Rk2Vt9Wn3Bz7Yc1Zd5Fg0Hj6Ks4Pa2N"}  # want: PW303

TOKEN = os.environ["GITHUB_TOKEN"]
PREFIX = "ghp_"
DOC = "tokens look like ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
