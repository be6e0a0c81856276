def login(user, password="admin"):  # want: B107
    pass


def connect(host, *, token="abc"):  # want: B107
    pass


def ok(user, password=None):
    pass


def ok2(user, passwords="x"):
    pass


async def later(password="x"):
    pass


def posonly(secret="s3cr3t", /, user="u"):  # want: B107
    pass


def posonly_ok(password, /, user="u"):
    pass
