import xml.etree.cElementTree as ET
from xml.etree.cElementTree import parse

ET.fromstring(data)  # want: B313
parse(path)  # want: B313
ET.XMLParser()  # want: B313

ET.Element("a")
