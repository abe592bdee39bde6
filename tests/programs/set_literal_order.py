print({1, 9, 17})
print({17, 9, 1})
for x in {25, 33, 41, 1, 9}: print(x, end=' ')
print()
print({25, 33, 41, 1, 9})
print({5, 13, 21, 29, 37, 45, 2})
for x in {5, 13, 21, 29, 37, 45, 2}: print(x, end=' ')
print()
print([x for x in {6, 14, 22}], [y for x in [1] for y in {30, 22, 14}])
print({(1, 2), (3, 4), (5, 6)}, {-1, -9, 7}, {(1, (2, 3)), (-4,), ()})
print({1, 2.0, True}, {2.0, 1, True}, {0.0, -0.0, 8}, {-0.0, 0.0, 8})
print(3 in {40, 32, 24}, {24, 32, 40})
print({100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200})
print({1.5, 2.5, 3.5, 8.25, -1.0}, {2**70, 2**64, 3, 11})
a = {1, 2, 3}
b = {*a, 9, 17}
print(b, {*range(20, 0, -3)}, {*{64, 32, 16}, 8})
c = set(range(10))
c &= {9, 1, 17, 25, 3}
print(c)
c |= {33, 41, 49, 57}
print(c)
c ^= {1, 100, 3}
print(c)
c -= {33, 57}
print(c, c.pop(), c.pop(), c)
d = {8, 16, 24, 32}
d &= d
print(d)
d -= d
print(d)
e = {1, 2}
f = e
f |= {3}
print(e is f, e)
fz = frozenset({1, 2})
g = fz
g |= {9}
print(fz, g, g is fz)
def fn():
    return {17, 9, 1}, {9, 1, 17}
print(fn())
for k in range(3):
    print({k, 8, 16, 24})
