import marshal
from marshal import load

marshal.loads(data)  # want: B302
load(f)  # want: B302

marshal.dumps(obj)
json.loads(data)
