import ssl

ssl.wrap_socket(sock)  # want: B504
ssl.wrap_socket(sock, server_side=True)  # want: B504

ssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_TLS_CLIENT)
context.wrap_socket(sock)
