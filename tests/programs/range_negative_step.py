for args in [(10, 0, -1), (10, 0, -3), (0, 10, -1), (-1, -10, -2), (5, -5, -5), (3, 3, -1), (100, -100, -37)]:
    r = range(*args)
    print(args, list(r), len(r), r[0] if len(r) else None, r[-1] if len(r) else None)
r = range(20, 0, -4)
print(r, r[1:3], r[::-1], list(r[::-1]), r[::2], list(r[::2]))
print(16 in r, 15 in r, 0 in r, 20 in r, r.index(8), r.count(12))
print(list(range(10)[::-1]) == list(reversed(range(10))))
print(list(range(10)[8:2:-2]), range(10)[-3:], range(0, -9, -3)[1])
total = 0
for i in range(100, 0, -7):
    total += i
print(total, sum(range(100, 0, -7)))
print([i for i in range(-3, 4)][::-1], list(range(3, -4, -1)))
