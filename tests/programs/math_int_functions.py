import math
for n in range(0, 60, 3):
    print(n, math.factorial(n), math.isqrt(n ** 7 + n), math.gcd(n, 36), math.lcm(n, 14))
print(math.factorial(300))
print(math.factorial(3000).bit_length(), math.factorial(3000) % (10 ** 9 + 7))
print(math.gcd(), math.gcd(0), math.gcd(-7), math.gcd(12, 18, 27), math.gcd(2 ** 100, 6 ** 50), math.gcd(0, 0), math.gcd(-4, -6))
print(math.lcm(), math.lcm(-5), math.lcm(4, 6, 10), math.lcm(2 ** 40, 3 ** 30), math.lcm(0, 5), math.lcm(3, 0, 5))
for n in range(0, 40, 5):
    print([math.comb(n, k) for k in range(0, n + 2, 3)], [math.perm(n, k) for k in range(0, 8, 2)])
print(math.comb(10 ** 20, 2), math.perm(10 ** 20, 2), math.comb(200, 100), math.perm(30))
print(math.comb(1000, 999), math.comb(5000, 2500) % 1000000007, math.perm(5000, 700) % 998244353)
print(math.isqrt(0), math.isqrt(1), math.isqrt(2 ** 200), math.isqrt(2 ** 201), math.isqrt(10 ** 100 - 1))
print(math.prod(range(1, 21)), math.prod([]), math.prod([2, 3], start=10), math.prod([1.5, 2]), math.prod(range(1, 6), start=0.5))
print(math.prod([[1, 2]] * 1), math.prod(["ab", 3]), math.floor(-7), math.ceil(True), math.trunc(False))
print(math.floor(2.5), math.floor(-2.5), math.ceil(2.5), math.ceil(-2.5), math.floor(1e20), math.ceil(-1e25), math.trunc(1.5e16))
print(type(math.floor(2.0)), type(math.ceil(2.0)), type(math.trunc(2.0)), math.floor(-0.0), math.ceil(-0.5))
