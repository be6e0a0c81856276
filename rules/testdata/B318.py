from xml.dom import minidom
import xml.dom.minidom

minidom.parseString(data)  # want: B318
xml.dom.minidom.parse(path)  # want: B318

minidom.Document()
