from transformers import AutoModel, AutoTokenizer
from datasets import load_dataset
from huggingface_hub import hf_hub_download

AutoModel.from_pretrained("org/model")  # want: B615
AutoTokenizer.from_pretrained("org/model", revision="main")  # want: B615
load_dataset("org/data")  # want: B615
hf_hub_download("org/model", "config.json", revision="")  # want: B615

AutoModel.from_pretrained("org/model", revision="5d0f2e8")
AutoModel.from_pretrained("org/model", revision=pinned)
AutoModel.from_pretrained("./local-model")
load_dataset("org/data", revision="a1b2c3d4e5f60718293a4b5c6d7e8f9012345678")
