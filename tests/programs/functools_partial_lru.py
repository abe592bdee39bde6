# functools: partial, lru_cache / cache, wraps / update_wrapper, total_ordering, cached_property
import functools as ft
from functools import partial, lru_cache, cache, wraps, update_wrapper, total_ordering


def f(a, b=2, *c, **k):
    return (a, b, c, k)


p = partial(f, 1, x=3)
print(p.func is f, p.args, p.keywords, p(2), p(x=4, y=5), p(b=7))
print(repr(partial(max, 1, key=abs)), repr(partial(pow, 2)))
q = partial(p, 7, z=1)
print(q.func is f, q.args, q.keywords, q())
p.attr = 5
print(p.attr, p.__dict__)
r = partial(p, 9)
print(r.func is p, r(), type(p).__name__, callable(p))
basetwo = partial(int, base=2)
print(basetwo("10010"), basetwo("11", base=10), list(map(partial(pow, 2), range(5))))
for t, g in [
    ("partial()", lambda: partial()),
    ("partial(1)", lambda: partial(1)),
    ("partial(func=max)", lambda: partial(func=max)),
    ("set func", lambda: setattr(p, "func", 2)),
    ("call error", lambda: partial(f)()),
]:
    try:
        print(t, "->", g())
    except Exception as e:
        print(t, "!!", type(e).__name__, e)


@lru_cache(maxsize=2)
def sq(x):
    print("compute", x)
    return x * x


print(sq(2), sq(3), sq(2), sq(4), sq(3), sq(2))
print(sq.cache_info(), sq.cache_parameters())
print(sq.__name__, sq.__wrapped__.__name__, type(sq))
sq.cache_clear()
print(sq.cache_info())


@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info())


@cache
def g(x, y=1):
    return x + y


print(g(1), g(1, y=1), g(1, 1), g(y=1, x=1), g(1), g.cache_info())
ci = g.cache_info()
print(ci.hits, ci[1], ci._fields, type(ci).__name__)
h, m, mx, cs = ci
print(h, m, mx, cs)


@lru_cache(maxsize=None)
def num(x):
    print("num", x)
    return x


num(1)
num(1.0)
num(True)
num(2)
num(2.0)
print(num.cache_info())


@lru_cache(typed=True)
def t1(x):
    print("t1", x)
    return x


t1(1)
t1(1.0)
t1(True)
t1(1)
print(t1.cache_info())
for t, fn in [
    ("lru_cache('a')", lambda: lru_cache("a")),
    ("lru_cache(maxsize='a')", lambda: lru_cache(maxsize="a")),
    ("lru_cache(-5)", lambda: lru_cache(-5)(abs).cache_info()),
    ("lru_cache(0)", lambda: lru_cache(0)(abs)(3)),
    ("lru_cache(1, 2, 3)", lambda: lru_cache(1, 2, 3)),
    ("unhashable", lambda: g([1])),
    ("lru_cache(2.5)", lambda: lru_cache(2.5)),
]:
    try:
        print(t, "->", fn())
    except Exception as e:
        print(t, "!!", type(e).__name__, e)


def deco(fn):
    @wraps(fn)
    def wrapper(*a, **k):
        return fn(*a, **k)

    return wrapper


@deco
def hello(n):
    return "hi " + str(n)


hello.extra = 1
print(hello(3), hello.__name__, hello.__wrapped__.__name__, hello.__qualname__, hello.__module__)


def plain(a):
    return a


def outer(*a):
    return plain(*a)


update_wrapper(outer, plain)
print(outer(5), outer.__name__, outer.__wrapped__ is plain, ft.WRAPPER_ASSIGNMENTS, ft.WRAPPER_UPDATES)


class C:
    def __init__(self, k):
        self.k = k

    @lru_cache(maxsize=None)
    def m(self, x):
        print("m", self.k, x)
        return x * self.k

    @ft.cached_property
    def cp(self):
        print("cp computed")
        return self.k + 100


c1, c2 = C(2), C(3)
print(c1.m(3), c1.m(3), c2.m(3), C.m.cache_info())
print(c1.cp, c1.cp, c2.cp)


@total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return "V" + ".".join(map(str, self.parts))


a, b = Version(1, 2), Version(1, 10)
print(a < b, a <= b, a > b, a >= b, a == b, a != b, sorted([b, a, Version(0, 9)]), max(a, b))


@total_ordering
class Rev:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return self.n == other.n

    def __ge__(self, other):
        return self.n <= other.n


print(Rev(1) > Rev(2), Rev(1) < Rev(2), Rev(2) <= Rev(1), Rev(3) >= Rev(3))
try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print("ValueError", e)
