import random
print(random.randrange(0, 10, 3) % 3)
random.randrange(0, 10, -1)
