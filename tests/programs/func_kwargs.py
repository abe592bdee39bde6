def f(*args, **kwargs):
    return args, kwargs

print(f())
print(f(1, 2, 3))
print(f(a=1, b=2))
print(f(1, "x", key="v", other=None))
print(f(*[1, 2], *(3,), **{"z": 26}, y=25))

def g(a, b, *rest, scale=1, **opts):
    total = (a + b + sum(rest)) * scale
    return total, sorted(opts.items())

print(g(1, 2))
print(g(1, 2, 3, 4, scale=10))
print(g(1, 2, debug=True, level=3))

def kwonly(a, *, b, c=5):
    return a * 100 + b * 10 + c

print(kwonly(1, b=2), kwonly(1, c=3, b=2), kwonly(a=9, b=9, c=9))

def count_kw(**kw):
    n = 0
    for k in kw:
        n += len(k)
    return n, list(kw)

print(count_kw(alpha=1, beta=2, gamma=3))
args = (3, 4)
kw = {"scale": 2}
print(g(*args, **kw))
print(max(*[3, 9, 2]), print(*["a", "b"], sep="-"))

def show(x, y=0, *z, w, **v):
    print("x", x, "y", y, "z", z, "w", w, "v", v)

show(1, w=2)
show(1, 2, 3, 4, w=5, u=6)
show(*range(5), w="W", **{"q": "Q"})
