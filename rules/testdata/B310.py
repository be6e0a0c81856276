import urllib.request
from urllib.request import urlretrieve
from six.moves.urllib.request import urlopen

urllib.request.urlopen(url)  # want: B310
urlretrieve(url, path)  # want: B310
urlopen(url)  # want: B310
urllib.request.FancyURLopener()  # want: B310

requests.get(url, timeout=5)
urllib.parse.urlparse(url)
