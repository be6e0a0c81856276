server.bind(("0.0.0.0", 8080))  # want: B104
HOST = "0.0.0.0"  # want: B104
url = f"http://{host}" if host != "0.0.0.0" else None  # want: B104

"0.0.0.0"
server.bind(("127.0.0.1", 8080))
addr = b"0.0.0.0"
