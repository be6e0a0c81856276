import ssl
from OpenSSL import SSL

ssl.wrap_socket(s, ssl_version=ssl.PROTOCOL_SSLv3)  # want: B502
SSL.Context(method=SSL.TLSv1_METHOD)  # want: B502
make_context(ssl_version="PROTOCOL_TLSv1_1")  # want: B502
ssl.wrap_socket(
    s,
    ssl_version=ssl.PROTOCOL_SSLv2,  # want: B502
)

ssl.wrap_socket(s, ssl_version=ssl.PROTOCOL_TLS_CLIENT)
SSL.Context(SSL.TLSv1_METHOD)
ssl.create_default_context()
