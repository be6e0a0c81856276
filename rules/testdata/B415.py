import pyghmi.ipmi.command  # want: B415
from pyghmi.ipmi import command  # want: B415

import redfish
