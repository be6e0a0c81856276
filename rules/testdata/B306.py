import tempfile
from tempfile import mktemp

tempfile.mktemp()  # want: B306
mktemp(suffix=".txt")  # want: B306

tempfile.mkstemp()
tempfile.NamedTemporaryFile()
