import xml.sax
from xml.sax import make_parser

xml.sax.parseString(data, handler)  # want: B317
xml.sax.parse(path, handler)  # want: B317
make_parser()  # want: B317

xml.sax.handler.ContentHandler()
