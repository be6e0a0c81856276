TOKEN = "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"  # want: PW303
headers = {"Authorization": "token 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"}  # want: PW303

TOKEN = os.environ["GITHUB_TOKEN"]
PREFIX = "ghp_"
DOC = "tokens look like ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
# The checksum (last six characters) does not match: a made-up token.
BROKEN = "ghp_R7xk2Lm9Qv4Tn8Wb3Yc6Zd1Fg5Hj0Ks2Pa9N"
