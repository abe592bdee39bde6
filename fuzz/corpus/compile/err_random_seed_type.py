import random
random.seed(1.5)
print(random.random())
random.seed([1, 2])
