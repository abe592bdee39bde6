seed = 987
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 8) % n
def rset(n, spread):
    return {rnd(spread) - spread // 4 for i in range(rnd(n))}
for trial in range(400):
    a = rset(60, 300)
    b = rset(40, 200)
    op = rnd(16)
    if op == 0: a |= b
    elif op == 1: a &= b
    elif op == 2: a -= b
    elif op == 3: a ^= b
    elif op == 4: a = a.union(b, [rnd(50) for i in range(5)])
    elif op == 5: a = a.intersection(b, range(-100, 100))
    elif op == 6: a = a.difference(b, {5: 1, 6: 2})
    elif op == 7: a = a.symmetric_difference(list(b))
    elif op == 8: a.update(b, range(rnd(30)))
    elif op == 9: a.intersection_update(list(b))
    elif op == 10: a.difference_update(b, [1, 2, 3])
    elif op == 11: a.symmetric_difference_update({k: 0 for k in b})
    elif op == 12: a = frozenset(a) | b
    elif op == 13: a = set(frozenset(a) ^ frozenset(b))
    elif op == 14: a = a.copy(); a -= set(range(-50, 50))
    else:
        a = {*a, *b}
    for i in range(rnd(12)):
        if a and isinstance(a, set):
            a.pop()
    for i in range(rnd(10)):
        if isinstance(a, set):
            a.discard(rnd(100))
            a.add(rnd(1000))
    print(trial, op, a)
