import math
print(math.floor(1e300) == 10 ** 300, math.floor(-0.5))
print(math.floor(float("inf")))
