import math
print(math.ldexp(0.5, 3), math.ldexp(1.0, -1100), math.ldexp(1.0, -10 ** 30))
print(math.ldexp(1.0, 2.0))
