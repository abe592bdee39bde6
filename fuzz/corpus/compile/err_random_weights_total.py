import random
random.choices([1, 2], [0, 0])
