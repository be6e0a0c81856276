from xml.dom import minidom  # want: B408
import xml.dom.minidom  # want: B408

from defusedxml import minidom
