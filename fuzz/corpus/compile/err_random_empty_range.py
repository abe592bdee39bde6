import random
random.seed(1)
print(random.randrange(5, 6), random.randrange(10))
print(random.randrange(5, 5))
