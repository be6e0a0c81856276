import ssl
from OpenSSL import SSL


def connect(host, version=ssl.PROTOCOL_SSLv3):  # want: B503
    pass


def serve(host, method=SSL.TLSv1_METHOD, port=443):  # want: B503
    pass


def ok(host, version=ssl.PROTOCOL_TLS_CLIENT):
    pass


def ok2(host, version=PROTOCOL_SSLv3):
    pass
