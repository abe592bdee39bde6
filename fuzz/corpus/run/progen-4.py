x = -2**47 - 1
y = 2**63
def f(a, b=2, *args, c=3, **kw):
    return ((b + (1.5)), len(args), sorted(kw))
try:
    print('f(x, y)', f(x, y))
except Exception as e:
    print(type(e).__name__)
try:
    print('f(1, 2, 3, 4, c=5, z=6)', f(1, 2, 3, 4, c=5, z=6))
except Exception as e:
    print(type(e).__name__)
try:
    print('f(x, d=[])', f(x, d=[]))
except Exception as e:
    print(type(e).__name__)
class C:
    k = 10
    def __init__(self, v):
        self.v = v
    def m(self, w=1):
        return (((w >= (-0.0)) ** 2) & (self.k // self.k))
    @property
    def p(self):
        return self.v
    def __eq__(self, o):
        return isinstance(o, C) and self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
    __hash__ = None
    def __repr__(self):
        return f'C({self.v!r})'
try:
    x = f"{y!r:>9}|{y}"; print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    y = (float('-inf')); print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    y = (+((b'xy') <= y)); print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    x = x; print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
vals = ['héllo', 2**48, -2**47 - 1, 0.0]
acc = 0
for i in range(31):
    v = vals[(i // 5) % len(vals)]
    try:
        acc = (-1e-7)
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
vals = [0.1, 1.5]
acc = 0
for i in range(38):
    v = vals[(i // 6) % len(vals)]
    try:
        acc = v[10**20:10**20:]
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
objs = [C(1), C(2.5), C('s'), C(2**63)]
for i in range(12):
    o = objs[i % len(objs)]
    try:
        print(i, o.m(), o.m(w=1.5), o.p, o.k, o == C(o.v), repr(o)[:80])
    except Exception as e:
        print(i, type(e).__name__)
    if i == 6:
        C.k = 5e-324
        objs[0].v = 'abc'
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
