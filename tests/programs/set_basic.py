a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a, len(a), 3 in a, 7 in a, 7 not in a)
print(a <= b, {1, 2} <= a, {1, 2} < a, a < a, a >= {1}, a > a, a == {4, 3, 2, 1})
s = set()
print(s, len(s), bool(s), set([3, 1, 3, 2, 1]), set(range(5)), set((1, 1)))
s.add(5)
s.add(1)
s.add(5)
print(s, sorted(s))
s.update([7, 8], (9,))
print(s)
s.discard(100)
s.discard(7)
s.remove(8)
print(s)
c = a.copy()
c |= {10}
c &= {1, 2, 10, 11}
print(c, a)
c -= {1}
c ^= {2, 20}
print(c)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(a.issubset({1, 2, 3, 4, 5}), a.issuperset({1}), a.isdisjoint({9}))
print({x % 4 for x in range(20)}, {x * x for x in range(-3, 4)})
words = {"pear", "apple", "fig", "apple"}
print(sorted(words), len(words), "fig" in words)
print(sorted({w[0] for w in ["ab", "cd", "ae", "cz"]}))
print(sum({1, 2, 3}), max({4, 9, 1}), min({4, 9, 1}), sorted({5, -1, 3}, reverse=True))
t = {1, 2}
t.clear()
print(t, set() == set(), {1} != {2})
p = {1, 2, 3}
print(p.pop() in {1, 2, 3}, len(p))
