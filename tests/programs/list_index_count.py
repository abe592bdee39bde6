a = [5, 3, 5, 1, 5, 9, 3]
print(a.index(5), a.index(5, 1), a.index(5, 3), a.index(3, 2), a.index(9, -3))
print(a.count(5), a.count(3), a.count(0), [1, [1], 1].count(1), [[1], [1]].count([1]))
print(a.index(1, 0, 4), [True, 1, 1.0].count(1), ["a", "A"].count("a"))
positions = [i for i, v in enumerate(a) if v == 5]
print(positions)
b = a.copy()
while 5 in b:
    b.remove(5)
print(b, a)
c = a[:]
c.reverse()
print(c, c.index(5))
d = []
for v in a:
    if v not in d:
        d.append(v)
print(d)
print(sorted(a, key=lambda v: (a.count(v), v)))
print(max(set(a), key=a.count), len(set(a)))
