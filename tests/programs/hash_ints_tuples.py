print(hash(0), hash(1), hash(42), hash(-42), hash(2 ** 20), hash(True), hash(False))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 61 + 5), hash(-(2 ** 61)))
print(hash(10 ** 30), hash(-(10 ** 30)), hash(2 ** 100))
print(hash((1, 2, 3)), hash(()), hash((0,)), hash((1, (2, 3))))
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) != hash((2, 1)))
print(hash(1.0) == hash(1), hash(2.5) == hash(2.5), hash(0.0) == hash(-0.0))
print(hash(-2), hash(-3), hash(12345678901234567890))
d = {}
for t in [(1, 2), (2, 1), (1, 2), (3,)]:
    d[t] = d.get(t, 0) + 1
print(d)
print(len({hash(i) for i in range(1000)}))
