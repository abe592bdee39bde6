import math
print(math.comb(10, 3), math.comb(3, 10), math.perm(10, 3), math.perm(6))
print(math.comb(10, -3))
