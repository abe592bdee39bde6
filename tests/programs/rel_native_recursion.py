# Native recursion (comparison, repr, isinstance over nested tuples, keyword binding) is
# bounded by the recursion limit: RecursionError, never a stack overflow.
a = [1]
a.append(a)
b = [1]
b.append(b)
for name, f in [
    ("eq", lambda: a == b),
    ("lt", lambda: a < b),
    ("dict eq", lambda: d1 == d2),
    ("in", lambda: b in [a]),
]:
    d1 = {}
    d1[1] = d1
    d2 = {}
    d2[1] = d2
    try:
        print(name, f())
    except RecursionError as e:
        print(name, "RecursionError:", e)


def nest(n, mk):
    x = 0
    for _ in range(n):
        x = mk(x)
    return x


for kind, mk in [("list", lambda x: [x]), ("tuple", lambda x: (x,)), ("dict", lambda x: {0: x})]:
    x, y = nest(50000, mk), nest(50000, mk)
    for what, f in [("eq", lambda: x == y), ("repr", lambda: repr(x)), ("str", lambda: str(x))]:
        try:
            f()
            print(kind, what, "ok")
        except RecursionError as e:
            print(kind, what, "RecursionError:", e)
print(repr(a), repr(d1))
t = int
for _ in range(50000):
    t = (t,)
try:
    print(isinstance(1, t))
except RecursionError as e:
    print("isinstance RecursionError:", e)


class C:
    pass


try:
    range(zz=C())
except TypeError as e:
    print("TypeError:", e)
print(nest(500, lambda x: [x]) == nest(500, lambda x: [x]))
