import random
random.seed(3)
print(random.sample([1, 2, 3], 3))
random.sample([1, 2, 3], 4)
