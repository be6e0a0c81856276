import xml.dom.expatbuilder
from xml.dom.expatbuilder import parse

xml.dom.expatbuilder.parseString(data)  # want: B316
parse(path)  # want: B316

defusedxml.expatbuilder.parse(path)
