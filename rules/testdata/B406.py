import xml.sax  # want: B406
from xml import sax  # want: B406
from xml.sax import handler  # want: B406

import defusedxml.sax
