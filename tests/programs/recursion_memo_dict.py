memo = {}
def paths(r, c):
    if r == 0 or c == 0:
        return 1
    key = (r, c)
    if key in memo:
        return memo[key]
    memo[key] = paths(r - 1, c) + paths(r, c - 1)
    return memo[key]
print(paths(2, 2), paths(10, 10), paths(20, 20), paths(50, 50))
print(len(memo))
part_memo = {}
def partitions(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    if (n, k) not in part_memo:
        part_memo[(n, k)] = partitions(n - k, k) + partitions(n, k - 1)
    return part_memo[(n, k)]
print([partitions(n, n) for n in range(15)], partitions(100, 100))
cat = {0: 1}
def catalan(n):
    if n not in cat:
        cat[n] = sum(catalan(i) * catalan(n - 1 - i) for i in range(n))
    return cat[n]
print([catalan(i) for i in range(15)], catalan(60))
def stairs(n, m={}):
    if n <= 1:
        return 1
    if n not in m:
        m[n] = stairs(n - 1) + stairs(n - 2) + (stairs(n - 3) if n >= 3 else 0)
    return m[n]
print([stairs(i) for i in range(12)], stairs(150))
