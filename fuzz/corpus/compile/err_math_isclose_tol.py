import math
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0.0, 1e-12, abs_tol=1e-11))
print(math.isclose(1, 2, rel_tol=-0.5))
