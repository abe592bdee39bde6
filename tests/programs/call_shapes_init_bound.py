class P:
    def __init__(self, x, y=2, *, z=3):
        self.s = x + y + z
class Bad:
    def __init__(self):
        return 5
class Raises:
    def __init__(self, v):
        if v:
            raise ValueError("no")
        self.v = v
class Slots:
    __slots__ = ("a",)
    def __init__(self, a):
        self.a = a
class M:
    def m(self, k):
        return k * 2
bm = M().m
ps = [P(i).s for i in range(3)] + [P(1, z=10).s, P(1, 5).s]
print(ps, bm(4), [bm(i) for i in range(3)])
class Meth:
    def __init__(self):
        self.f = M().m
    def run(self):
        return self.f(21)
print(Meth().run(), Slots(7).a)
try:
    Bad()
except TypeError as e:
    print(e)
try:
    Raises(1)
except ValueError as e:
    print("caught", e)
print(Raises(0).v)
class WithNew:
    def __new__(cls, x):
        o = super().__new__(cls)
        o.n = x
        return o
    def __init__(self, x):
        self.m = x + 1
w = WithNew(3)
print(w.n, w.m)
try:
    P()
except TypeError as e:
    print(e)
class Gen:
    def __init__(self):
        yield 1
try:
    Gen()
except TypeError as e:
    print(e)
def deep(n):
    return P(n).s if n < 2 else deep(n - 1)
print(deep(50))
Raises(1)
