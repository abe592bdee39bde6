x = 0.0
y = -2**47 - 1
def f(a, b=2, *args, c=3, **kw):
    return ((((1e300) ^ b) | bool(max(b, (True)))), len(args), sorted(kw))
try:
    print('f(1, 2, 3, 4, c=5, z=6)', f(1, 2, 3, 4, c=5, z=6))
except Exception as e:
    print(type(e).__name__)
try:
    print('f(x, c=y)', f(x, c=y))
except Exception as e:
    print(type(e).__name__)
try:
    print('f(b=x, a=y)', f(b=x, a=y))
except Exception as e:
    print(type(e).__name__)
class C:
    k = 10
    def __init__(self, v):
        self.v = v
    def m(self, w=1):
        return (+(1.5))
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
    print('str((((2.0**53) > x) ** 0))', repr(str((((2.0**53) > x) ** 0)))[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
try:
    x = x; print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    x = y[None:-3:0]; print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    x = ((2**47) ** 2); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
vals = ['a', 0.1]
acc = 0
for i in range(11):
    v = vals[(i // 6) % len(vals)]
    try:
        acc = (acc << 38)
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
objs = [C(1), C(2.5), C('s'), C(2**63)]
for i in range(12):
    o = objs[i % len(objs)]
    try:
        print(i, o.m(), o.m(w=None), o.p, o.k, o == C(o.v), repr(o)[:80])
    except Exception as e:
        print(i, type(e).__name__)
    if i == 6:
        C.k = 2.0**53
        objs[0].v = -2**47 - 1
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
