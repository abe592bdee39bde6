import math
print(math.factorial(20), math.factorial(25))
print(math.factorial(-3))
