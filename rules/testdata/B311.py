import random
from random import choice

random.randint(0, 9)  # want: B311
choice(items)  # want: B311
random.random()  # want: B311
random.Random(1)  # want: B311

random.seed(1)
secrets.token_hex(16)
secrets.choice(items)
