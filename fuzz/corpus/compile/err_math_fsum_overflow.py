import math
print(math.fsum([1e308, -1e308, 1e308]), math.fsum([0.1] * 10))
print(math.fsum([1e308, 1e308, -1e308]))
