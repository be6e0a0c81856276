import xml.etree.ElementTree as ET  # want: B405
from xml.etree import cElementTree  # want: B405
import xml.etree.cElementTree  # want: B405

import xml
from xml import etree
import defusedxml.ElementTree
