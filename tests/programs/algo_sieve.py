def sieve(n):
    is_prime = [True] * (n + 1)
    is_prime[0] = is_prime[1] = False
    i = 2
    while i * i <= n:
        if is_prime[i]:
            for j in range(i * i, n + 1, i):
                is_prime[j] = False
        i += 1
    return [k for k in range(n + 1) if is_prime[k]]

primes = sieve(1000)
print(len(primes), primes[:25], primes[-5:])
print(sum(primes), max(primes))
twins = [(p, p + 2) for p in primes if p + 2 in set(primes)]
print(len(twins), twins[:10])
gaps = {}
for a, b in zip(primes, primes[1:]):
    gaps[b - a] = gaps.get(b - a, 0) + 1
print(sorted(gaps.items()))
def sieve_slice(n):
    s = [1] * (n + 1)
    s[0] = s[1] = 0
    for i in range(2, int(n ** 0.5) + 1):
        if s[i]:
            s[i * i::i] = [0] * len(range(i * i, n + 1, i))
    return [i for i, v in enumerate(s) if v]
print(sieve_slice(1000) == primes, sieve_slice(50))
print(len(sieve(20000)))
