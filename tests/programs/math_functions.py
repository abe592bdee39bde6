import math
seed = 42
def rnd():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return (seed >> 11) / 2**53
def rng(lo, hi):
    return lo + (hi - lo) * rnd()
N = 40
out = []
for name, lo, hi in [("sin", -20, 20), ("cos", -1e6, 1e6), ("tan", -3, 3), ("asin", -1, 1), ("acos", -1, 1), ("atan", -100, 100),
                     ("sinh", -50, 50), ("cosh", -50, 50), ("tanh", -5, 5), ("asinh", -1e5, 1e5), ("acosh", 1, 1e5), ("atanh", -0.999, 0.999),
                     ("exp", -700, 700), ("exp2", -1000, 1000), ("expm1", -5, 5), ("log", 1e-300, 1e300), ("log2", 0.001, 1e9), ("log10", 1e-5, 1e20),
                     ("log1p", -0.99, 100), ("sqrt", 0, 1e10), ("erf", -6, 6), ("erfc", -6, 27), ("gamma", -170, 171), ("lgamma", -1000, 1e5),
                     ("gamma", 0.001, 10), ("gamma", -10, -0.001), ("lgamma", -5, 5), ("cbrt", -1e9, 1e9), ("degrees", -10, 10), ("radians", -720, 720), ("fabs", -5, 5)]:
    f = getattr(math, name)
    acc = []
    for i in range(N):
        x = rng(lo, hi)
        acc.append(repr(f(x)))
    print(name, lo, hi, ' '.join(acc))
for i in range(N):
    x, y = rng(-10, 10), rng(-10, 10)
    print(math.atan2(x, y), math.copysign(x, y), math.fmod(x, y), math.remainder(x, y), math.pow(abs(x), y), math.hypot(x, y), math.hypot(x, y, x * y), math.dist((x, y), (y, x * 3)), math.isclose(x, x + y * 1e-10))
    print(math.modf(x), math.frexp(x * 1e300), math.ldexp(x, int(y * 100)), math.floor(x * 1e20), math.ceil(y * 1e5), math.trunc(x * y))
for i in range(60):
    vals = [rng(-1, 1) * 10 ** int(rng(-20, 20)) for k in range(int(rng(1, 30)))]
    print(math.fsum(vals), sum(vals), math.prod(vals), math.hypot(*vals), math.fsum(vals + [-v for v in vals[:3]]))
for k in range(1, 60):
    n = 7 ** (k * 11) + k
    print(math.log(n), math.log2(n), math.log10(n), math.log(n, k + 1), math.isqrt(n) % 1000003, math.floor(math.sqrt(n)) if n < 2**1000 else 0)
for n in range(0, 200, 7):
    print(n, math.factorial(n) % (2**61 - 1), math.comb(n, n // 3), math.perm(n, n // 4), math.gcd(n * 12, 3 * 2**n), math.lcm(n + 1, 2 * n + 3, 30))
print(math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([2.0**53, 1.0, 2.0**-53]))
print(math.fsum([1, 1e-16, 1e-16]), math.fsum([]), math.fsum([-0.0]), math.fsum([0.0, -0.0]))
print(math.hypot(), math.hypot(5e-324, 5e-324, 5e-324), math.hypot(1e308, 1e308, 1e308), math.hypot(3, 4, 12), math.hypot(1e-310, 3e-310))
print(math.gamma(0.5) ** 2, math.gamma(1e-21), math.gamma(-200.5), math.gamma(23), math.gamma(24), math.gamma(171.5), math.lgamma(1e300), math.lgamma(-0.5))
