"""Call sites tier 1 specializes to direct method entries (list.append/pop, set.add,
dict.get), builtin type constructors and str iteration, run hot enough to quicken and then
fed what must miss the guards: subclasses, unbound calls, errors, non-ASCII text."""


class L(list):
    def append(self, x):
        super().append(x * 10)


class Holder:
    pass


def appends(target, n):
    for i in range(n):
        target.append(i)
    return target


def pops(src):
    out = []
    while src:
        out.append(src.pop())
    return out


def pop_at(src, i):
    return src.pop(i)


def gets(d, keys, default):
    return [d.get(k) for k in keys] + [d.get(k, default) for k in keys]


def adds(s, items):
    for x in items:
        s.add(x)
    return sorted(s, key=repr)


def build(n):
    return set(range(n)), tuple(range(n)), list(range(n)), int("7") + n


def chars(s):
    out = []
    for c in s:
        out.append(c)
    return out


for _ in range(60):
    a = appends([], 5)
    b = pops([1, 2, 3])
    c = gets({1: "one", "k": 2}, [1, "k", 3], "dflt")
    d = adds(set(), [3, 1, 3, "x"])
    e = build(3)
    f = chars("abc")
print(a, b, c, d, e, f)
print(appends(L(), 3))
print(pop_at([1, 2, 3, 4], 1), pop_at([1, 2, 3, 4], -4))
for bad in ([], [1]):
    try:
        print(pop_at(bad, 5))
    except IndexError as exc:
        print("IndexError:", exc)
try:
    pop_at([1], "x")
except TypeError as exc:
    print("TypeError:", exc)
try:
    adds(set(), [[1]])
except TypeError as exc:
    print("TypeError:", exc)
try:
    gets({}, [[1]], 0)
except TypeError as exc:
    print("TypeError:", exc)
h = Holder()
h.append = list.append
lst = []
for i in range(60):
    h.append(lst, i)
print(len(lst), lst[-1])
print(chars("héllo wörld ✓ 🐍!"))
it = iter("ab")
for c in it:
    print(c)
print(next(it, "done"))
print(build(0), build(5))
