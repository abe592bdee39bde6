import math
print(math.isqrt(10 ** 40 + 12345), math.isqrt(15), math.isqrt(16))
print(math.isqrt(-4))
