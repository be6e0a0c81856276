import xml.dom.expatbuilder  # want: B407
from xml.dom import expatbuilder  # want: B407

import xml.dom
