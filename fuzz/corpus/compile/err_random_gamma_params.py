import random
random.seed(9)
print(random.gammavariate(2, 2))
random.gammavariate(-1, 2)
