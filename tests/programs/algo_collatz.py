def collatz_len(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps

print([collatz_len(i) for i in range(1, 30)])
best = max(range(1, 10000), key=collatz_len)
print(best, collatz_len(best))
cache = {1: 0}
def clen(n):
    path = []
    while n not in cache:
        path.append(n)
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    base = cache[n]
    for m in reversed(path):
        base += 1
        cache[m] = base
    return cache[path[0]] if path else base
print(clen(27), clen(97), clen(871))
seq = [27]
while seq[-1] != 1:
    x = seq[-1]
    seq.append(x // 2 if x % 2 == 0 else 3 * x + 1)
print(len(seq), max(seq), seq[:12])
print(collatz_len(2 ** 100 + 1))
