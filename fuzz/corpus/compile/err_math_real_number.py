import math
print(math.floor(2.5), math.ceil(2.5), math.trunc(-2.5))
print(math.sqrt("4"))
