t = (1, 2, 3)
print(t, len(t), t[0], t[-1], t[1:], t + (4,), t * 2, (0,) * 3)
print((), (1,), (1, 2), tuple(), tuple([1, 2]), tuple("ab"), tuple(range(4)))
print(type(()), type((1,)), type((1)), (1) == 1)
print(t == (1, 2, 3), t < (1, 2, 4), t > (1, 2), (1, 2) < (1, 2, 3), () < (0,))
print(2 in t, 5 in t, t.count(2), t.index(3), (1, 1, 1).count(1))
a, b, c = t
print(a, b, c)
x = 1, 2
print(x, type(x))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], nested[0])
print(max((3, 1), (2, 9)), min([(1, "b"), (1, "a")]), sorted([(2, 1), (1, 2), (1, 1)]))
u = t
u += (4, 5)
print(t, u, t is u)
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((2, 1)))
print(repr((1,)), str(("a", "b")), ((),), ([],))
d = {(1, 2): "a", (3, 4): "b"}
print(d[(1, 2)], d[3, 4], (1, 2) in d)
print(tuple(x * x for x in range(5)), sum((1, 2, 3)), list(reversed(t)))
print(bool(()), bool((0,)), bool((None,)))
print(t[::-1], t[:0], t[5:], (1, 2, 3, 4, 5)[::2])
