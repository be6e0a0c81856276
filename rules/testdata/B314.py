import xml.etree.ElementTree as ET
from xml.etree.ElementTree import fromstring

ET.parse(path)  # want: B314
fromstring(data)  # want: B314
ET.iterparse(path)  # want: B314

ET.Element("a")
defusedxml.ElementTree.parse(path)
