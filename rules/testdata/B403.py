import pickle  # want: B403
import cPickle as cp  # want: B403
from dill import loads  # want: B403
import shelve, os  # want: B403
m = __import__("pickle")  # want: B403
import importlib
importlib.import_module("dill.source")  # want: B403

import json
import pickletools
m = __import__(name)
