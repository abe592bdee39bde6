def factorize(n):
    factors = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors.append(d)
            n //= d
        d += 1 if d == 2 else 2
    if n > 1:
        factors.append(n)
    return factors

def compress(fs):
    out = {}
    for f in fs:
        out[f] = out.get(f, 0) + 1
    return out

for n in [2, 12, 97, 360, 1001, 65536, 999999, 600851475143, 2 ** 31 - 1, 123456789]:
    fs = factorize(n)
    prod = 1
    for f in fs:
        prod *= f
    print(n, fs, compress(fs), prod == n)
def num_divisors(n):
    r = 1
    for e in compress(factorize(n)).values():
        r *= e + 1
    return r
print([num_divisors(i) for i in range(1, 31)])
best = max(range(1, 2000), key=num_divisors)
print(best, num_divisors(best))
def phi(n):
    r = n
    for p in compress(factorize(n)):
        r = r // p * (p - 1)
    return r
print([phi(i) for i in range(1, 25)], sum(phi(i) for i in range(1, 101)))
print(factorize(2 ** 32 + 1), factorize(2 ** 40 - 1))
