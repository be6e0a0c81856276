import pickle
import pandas as pd
import dill
from jsonpickle import decode
import shelve

pickle.loads(data)  # want: B301
pickle.load(open(path, "rb"))  # want: B301
pd.read_pickle(path)  # want: B301
dill.loads(blob)  # want: B301
decode(text)  # want: B301
shelve.open(path)  # want: B301

pickle.dumps(obj)
pickle.dump(obj, f)
json.loads(data)
pd.read_csv(path)
