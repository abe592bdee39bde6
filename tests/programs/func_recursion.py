def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

print([fact(i) for i in range(10)])
print(fact(100))

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

print([fib(i) for i in range(20)])

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))

print(ackermann(2, 3), ackermann(3, 3))

def is_even(n):
    return True if n == 0 else is_odd(n - 1)

def is_odd(n):
    return False if n == 0 else is_even(n - 1)

print(is_even(10), is_odd(7), is_even(7))

def hanoi(n, a, b, c, moves):
    if n == 0:
        return
    hanoi(n - 1, a, c, b, moves)
    moves.append((a, c))
    hanoi(n - 1, b, a, c, moves)

m = []
hanoi(4, "A", "B", "C", m)
print(len(m), m[:5])

def flatten(x):
    if isinstance(x, list):
        out = []
        for e in x:
            out.extend(flatten(e))
        return out
    return [x]

print(flatten([1, [2, [3, [4, [5]]]], [], [[6]]]))
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500))
