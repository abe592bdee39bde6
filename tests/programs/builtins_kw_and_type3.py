print(pow(base=2, exp=3), pow(2, 3, mod=5), pow(2, -1, 5), pow(2.0, 3))
for args, kw in [((2,), {}), ((2, 3, 4, 5), {}), ((2,), {"x": 3})]:
    try:
        pow(*args, **kw)
    except TypeError as e:
        print(e)
T = type("T", (), {"a": 1})
print(T.__module__, T.__name__, T.__qualname__, T().a, repr(T)[:17])
U = type("U", (T,), {"__module__": "custom"})
print(U.__module__, U.__mro__[1] is T, repr(U))
