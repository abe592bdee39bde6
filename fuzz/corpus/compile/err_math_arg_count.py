import math
print(math.pow(2, 10), math.atan2(1, 1))
print(math.pow(2))
