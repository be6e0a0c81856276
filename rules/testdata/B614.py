import torch
from torch import load

torch.load(path)  # want: B614
load(path, weights_only=False)  # want: B614
torch.serialization.load(f)  # want: B614

torch.load(path, weights_only=True)
torch.save(model, path)
