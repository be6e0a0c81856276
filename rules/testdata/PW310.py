KEY = """-----BEGIN RSA PRIVATE KEY-----  # want: PW310
MIIEowIBAAKCAQEA7Rk2Lm9Qv4Tn8Wb3Yc6Zd1Fg5Hj0Ks2Pa9NxQe4UxR7xk2Lm9Qv4Tn8Wb3Yc6Zd1Fg5
-----END RSA PRIVATE KEY-----"""
OPENSSH = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZWQyNTUxOQAAACB\n-----END OPENSSH PRIVATE KEY-----\n"  # want: PW310


def kind(text):
    if text.startswith("-----BEGIN RSA PRIVATE KEY-----"):
        return "rsa"
    if "-----BEGIN EC PRIVATE KEY-----" in text:
        return "ec"
    return None
