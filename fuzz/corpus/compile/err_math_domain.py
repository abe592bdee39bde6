import math
print(math.sqrt(2), math.log(8, 2), math.acos(1))
print(math.sqrt(-1))
