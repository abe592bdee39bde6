import math
print(math.gamma(5), math.gamma(0.5), math.lgamma(0.5))
print(math.gamma(-2))
