# complex: literals, arithmetic with int/float, repr, and a negative float raised to a
# fractional power (CPython hands it to complex power).
print((-8.0) ** (1 / 3), (-2) ** 0.5, (-1.5) ** -2.5, float("-inf") ** 0.5, float("-inf") ** -0.5)
print(float("-inf") ** 1.5, (-0.0) ** 0.5, (-2.0) ** 2.0)
z = 3 + 4j
print(z, abs(z), z.real, z.imag, z.conjugate(), -z, +z, 1j, -1j, 0j, -0j, 2.5j)
print(z + 1, 1 + z, z - 1, 1 - z, z * 2, 2 * z, z / 2, 2 / z, z * z, z ** 2, z ** 0.5, 2 ** z)
print(z == 3 + 4j, z != 3, (3 + 0j) == 3, (3 + 0j) == 3.0, 1j == 1, hash(3 + 0j) == hash(3), hash(z))
print(complex(), complex(1), complex(1, 2), complex("1+2j"), complex(" (3-4.5j) "), complex("-j"), complex(1j, 1j))
print(repr(complex(float("nan"), float("inf"))), complex(-0.0, -1.0), complex(1e300, 1e-300), bool(0j), bool(1j))
print(type(1j), isinstance(1j, complex), (1 + 2j) ** 3, (1 + 2j) ** -1, 0j ** 0, (2j) ** 101)
for f in [
    lambda: 1j < 2j,
    lambda: 1j // 2,
    lambda: 1j % 2,
    lambda: 1 / 0j,
    lambda: 0j ** -1,
    lambda: int(1j),
    lambda: complex("junk"),
    lambda: complex("1", 2),
    lambda: (1e200 + 1e200j) ** 50,
    lambda: pow(1j, 2, 3),
]:
    try:
        print(f())
    except (TypeError, ValueError, ZeroDivisionError, OverflowError) as e:
        print(type(e).__name__, e)
