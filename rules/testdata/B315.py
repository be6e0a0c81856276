import xml.sax.expatreader
from xml.sax.expatreader import create_parser

xml.sax.expatreader.create_parser()  # want: B315
create_parser()  # want: B315

defusedxml.expatreader.create_parser()
