import ssl
from ssl import _create_unverified_context as unverified

ssl._create_unverified_context()  # want: B323
unverified()  # want: B323

ssl.create_default_context()
