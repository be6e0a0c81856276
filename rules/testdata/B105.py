password = "hunter2"  # want: B105
self.api_token = "abc123"  # want: B105
EMAIL_PASSWORD = "x"  # want: B105
cfg = {"secret": "s3cr3t", "user": "bob"}  # want: B105
d["passwd"] = "x"  # want: B105
if pwd == "admin":  # want: B105
    pass
x = user = token = "t"  # want: B105

password = os.environ["PASSWORD"]
passwords = "not a single password"
mypassword = "x"
password: str = "x"
password += "x"
cfg = {"token": get_token()}
if "admin" == pwd:
    pass
