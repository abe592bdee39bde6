def horner(coeffs, x):
    r = 0
    for c in coeffs:
        r = r * x + c
    return r

p = [2, -6, 2, -1]
for x in range(-3, 4):
    print(x, horner(p, x))
print(horner([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 10 ** 9))
print(horner([3, 2, 1], 0.5), horner([1.5, -2.25, 0.125], 2.0), horner([1, 1], -0.25))
def poly_mul(a, b):
    out = [0] * (len(a) + len(b) - 1)
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            out[i + j] += x * y
    return out
q = poly_mul([1, 1], [1, 1])
print(q, poly_mul(q, q), poly_mul([1, -1], [1, 1, 1]))
def deriv(c):
    n = len(c) - 1
    return [c[i] * (n - i) for i in range(n)]
print(deriv(p), deriv([5]), deriv([1, 0, 0, 0]))
def newton_int_root(coeffs, guess, steps):
    x = guess
    for _ in range(steps):
        x = x - horner(coeffs, x) / horner(deriv(coeffs), x)
    return x
print(round(newton_int_root([1, 0, -2], 1.0, 6), 12))
print(horner([int(c) for c in "110101"], 2), horner([7, 5, 5], 8), horner([15, 15], 16))
