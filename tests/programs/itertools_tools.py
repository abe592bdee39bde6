# zip_longest, starmap, takewhile, dropwhile, groupby, tee, pairwise, compress, filterfalse
from itertools import (zip_longest, starmap, takewhile, dropwhile, groupby, tee,
                       pairwise, compress, filterfalse, count, islice)

print(list(zip_longest("abc", [1])), list(zip_longest("ab", "xyz", fillvalue="-")))
print(list(zip_longest()), list(zip_longest([1, 2])), list(zip_longest([], [])))
print(list(zip_longest([1, 2, 3], (c for c in "ab"), [True])))
print(list(starmap(pow, [(2, 3), (3, 2), (10, 0)])))
print(list(starmap(lambda *a: sum(a), [[1, 2], (3, 4, 5), ()])))
print(list(takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(takewhile(bool, [])))
print(list(dropwhile(lambda x: x < 3, [1, 2, 3, 1])), list(dropwhile(bool, [1, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", "a", None])))
print(list(compress("abcdef", [1, 0, 1, 0, 1, 1])), list(compress(range(10), [0, 1] * 3)))
print(list(compress(data=[1, 2, 3], selectors=[True, False, True])))
print(list(pairwise("abcd")), list(pairwise("a")), list(pairwise([])))
print([b - a for a, b in pairwise([1, 4, 9, 16, 25])])

for k, g in groupby("aaabbcdda"):
    print(k, list(g))
print([(k, list(g)) for k, g in groupby([1, 2, 3, 4, 5, 6], key=lambda x: x // 3)])
print([(k, len(list(g))) for k, g in groupby(sorted("mississippi"))])
print(["".join(g) for _, g in groupby("aabbbc")])
# A group is only valid until the groupby advances.
gs = list(groupby("aabb"))
print([k for k, g in gs], [list(g) for k, g in gs])
g = groupby([1, 1, 2])
k1, g1 = next(g)
print(k1, next(g1))
k2, g2 = next(g)
print(k2, list(g1), list(g2), next(g, "done"))
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
for letter, grp in groupby(words, key=lambda w: w[0]):
    print(letter, ",".join(grp))
print(list(groupby([])), [k for k, _ in groupby([1, 1.0, True, 2])])

a, b = tee(iter([1, 2, 3]))
print(next(a), list(b), list(a))
print(tee([1], 0), len(tee("ab", 3)), [list(t) for t in tee("xyz", 3)])
x, y = tee(range(5))
z, w = tee(x)
print(z is x, list(w), list(y), list(z))
gen = (i * i for i in range(6))
t1, t2 = tee(gen)
print(list(islice(t1, 3)), list(t2), list(t1))
c1, c2 = tee(count())
print([next(c1) for _ in range(5)], next(c2), next(c1))
t3 = tee([7, 8])[0]
t4 = t3.__copy__()
print(next(t3), list(t4), list(t3))
