import math
print(math.factorial(True))
print(math.factorial(5.0))
