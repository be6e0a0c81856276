from xml.dom import pulldom
import xml.dom.pulldom

pulldom.parse(path)  # want: B319
xml.dom.pulldom.parseString(data)  # want: B319

pulldom.START_ELEMENT
