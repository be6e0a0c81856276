import xml.dom.pulldom  # want: B409
from xml.dom import pulldom  # want: B409

import defusedxml.pulldom
