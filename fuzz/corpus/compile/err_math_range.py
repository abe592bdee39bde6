import math
print(math.exp(709), math.pow(10, 308))
print(math.exp(710))
