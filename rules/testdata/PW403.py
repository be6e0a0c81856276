import json
import pickle
import sys

import yaml
from flask import request

obj = pickle.loads(request.data)  # want: PW403
cfg = yaml.load(sys.stdin.read())  # want: PW403

obj = json.loads(request.data)
cfg = yaml.safe_load(sys.stdin.read())
cached = pickle.loads(open("cache.pkl", "rb").read())
