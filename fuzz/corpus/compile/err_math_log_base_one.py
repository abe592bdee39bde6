import math
print(math.log(100, 10), math.log(2 ** 2000, 2))
print(math.log(5, 1))
