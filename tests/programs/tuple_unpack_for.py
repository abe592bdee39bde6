points = [(1, 2), (3, 4), (5, 6)]
for x, y in points:
    print(x, y, x * y)
for i, (x, y) in enumerate(points):
    print(i, x + y)
records = [("a", (1, 2, 3)), ("b", (4, 5, 6))]
for name, (first, *others) in records:
    print(name, first, others)
for (a, b), c in [((1, 2), 3), ((4, 5), 6)]:
    print(a, b, c)
d = {"x": (1, 2), "y": (3, 4)}
for k, (p, q) in d.items():
    print(k, p, q)
total = 0
for a, b, c in [(1, 2, 3), (4, 5, 6)]:
    total += a * b * c
print(total)
pairs = list(zip("abc", range(3), [True, False, None]))
for letter, num, flag in pairs:
    print(letter, num, flag)
for *init, last in ["abc", "de", (1, 2, 3, 4)]:
    print(init, last)
matrix = [[1, 2], [3, 4]]
for (a, b) in matrix:
    print(a + b)
