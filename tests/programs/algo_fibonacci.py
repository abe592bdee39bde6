def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

memo = {0: 0, 1: 1}
def fib_memo(n):
    if n in memo:
        return memo[n]
    r = fib_memo(n - 1) + fib_memo(n - 2)
    memo[n] = r
    return r

print([fib_iter(i) for i in range(25)])
print(fib_iter(100))
print(fib_iter(300))
print(fib_memo(300) == fib_iter(300), len(memo))
print(fib_memo(90))
print(len(str(fib_iter(1000))), str(fib_iter(1000))[:20])
def fib_matrix(n):
    def mul(a, b):
        return [[a[0][0] * b[0][0] + a[0][1] * b[1][0], a[0][0] * b[0][1] + a[0][1] * b[1][1]],
                [a[1][0] * b[0][0] + a[1][1] * b[1][0], a[1][0] * b[0][1] + a[1][1] * b[1][1]]]
    result = [[1, 0], [0, 1]]
    m = [[1, 1], [1, 0]]
    while n:
        if n & 1:
            result = mul(result, m)
        m = mul(m, m)
        n >>= 1
    return result[0][1]
print(fib_matrix(300) == fib_iter(300), fib_matrix(500))
evens = [f for f in (fib_iter(i) for i in range(60)) if f % 2 == 0]
print(len(evens), sum(evens))
print(fib_iter(300) % 1000000007, fib_iter(301) // fib_iter(300))
