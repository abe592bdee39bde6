import math
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], (4, 5, 6)))
print(math.dist((1, 2), (1, 2, 3)))
