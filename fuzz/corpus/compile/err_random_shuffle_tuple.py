import random
t = [1, 2, 3]
random.shuffle(t)
print(sorted(t))
random.shuffle((1, 2, 3))
