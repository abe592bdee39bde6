import random
random.seed(0)
print(random.getrandbits(0), random.getrandbits(1))
random.getrandbits(-1)
