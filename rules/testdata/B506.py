import yaml
from yaml import load, Loader

yaml.load(data)  # want: B506
yaml.load(data, Loader=yaml.Loader)  # want: B506
load(data, Loader=Loader)  # want: B506
yaml.load(data, yaml.FullLoader)  # want: B506

yaml.safe_load(data)
yaml.load(data, Loader=yaml.SafeLoader)
yaml.load(data, yaml.CSafeLoader)
json.load(f)
