import xmlrpc.client  # want: B411
from xmlrpc.server import SimpleXMLRPCServer  # want: B411
import xmlrpclib  # want: B411

import SimpleXMLRPCServer
import json
