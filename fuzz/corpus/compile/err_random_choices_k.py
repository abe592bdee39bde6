import random
random.seed(5)
print(random.choices("ab", k=3))
random.choices("ab", 3)
