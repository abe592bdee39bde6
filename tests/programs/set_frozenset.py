f = frozenset([3, 1, 2, 3])
g = frozenset(range(2, 6))
print(f, g, len(f), 2 in f)
print(f | g, f & g, f - g, f ^ g)
print(type(f | g), type({1} | f), type(f | {1}))
print(frozenset(), frozenset() == set(), f == {1, 2, 3}, {1, 2, 3} == f)
d = {frozenset([1, 2]): "a", frozenset([3]): "b"}
print(d[frozenset([2, 1])], frozenset([3]) in d)
s = {frozenset([1]), frozenset([1]), frozenset([2])}
print(len(s))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
print(sorted(f), list(sorted(g, reverse=True)), sum(f))
print(f.union([9]), f.intersection({1, 9}), f.issubset(range(10)))
print(f <= g, f < frozenset(range(10)), f.isdisjoint(frozenset([7])))
nested = {frozenset({1, 2}), frozenset({3})}
print(sorted(sorted(x) for x in nested))
print(set(f), frozenset(set([5, 6])), bool(frozenset()), bool(f))
