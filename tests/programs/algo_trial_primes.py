def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    i = 3
    while i * i <= n:
        if n % i == 0:
            return False
        i += 2
    return True

print([n for n in range(60) if is_prime(n)])
print(is_prime(2 ** 31 - 1), is_prime(10 ** 9 + 7), is_prime(10 ** 9 + 9), is_prime(1000001))
def miller_rabin(n):
    if n < 2:
        return False
    for p in [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37]:
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37]:
        x = pow(a, d, n)
        if x == 1 or x == n - 1:
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True
print([n for n in range(100) if miller_rabin(n)] == [n for n in range(100) if is_prime(n)])
print(miller_rabin(2 ** 61 - 1), miller_rabin(2 ** 89 - 1), miller_rabin(2 ** 67 - 1))
mersenne = [p for p in range(2, 130) if miller_rabin(p) and miller_rabin(2 ** p - 1)]
print(mersenne)
print(next(n for n in range(10 ** 12, 10 ** 12 + 1000) if miller_rabin(n)))
