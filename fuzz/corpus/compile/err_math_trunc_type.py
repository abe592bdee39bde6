import math
print(math.trunc(3.99), math.trunc(-3.99), math.trunc(10 ** 30))
print(math.trunc("3"))
