x = float('inf')
y = 0.1
def f(a, b=2, *args, c=3, **kw):
    return (c[1.0], len(args), sorted(kw))
try:
    print('f(1, 2, 3, 4, c=5, z=6)', f(1, 2, 3, 4, c=5, z=6))
except Exception as e:
    print(type(e).__name__)
try:
    print('f(b=x, a=y)', f(b=x, a=y))
except Exception as e:
    print(type(e).__name__)
try:
    print('f()', f())
except Exception as e:
    print(type(e).__name__)
class C:
    k = 10
    def __init__(self, v):
        self.v = v
    def m(self, w=1):
        return w
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
    x = (0.0); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(str((x ** 4))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(repr(((x[10**20::2] >> 5) >> 10))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    y = ((x[1.0] >> 1) <= format((None), 'g')); print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(str((2**47))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    x = ([(x and x), (x == (2**63))][1] // (True)); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(str((((y | x) ** -3) / ([x, x][-1] ** -2)))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(str(max(y, (round((-2.5)) >= (y - (-1e-7)))))[:300])
except Exception as e:
    print(type(e).__name__)
vals = [[], 2**64, 'abc', float('-inf')]
acc = 0
for i in range(33):
    v = vals[(i // 8) % len(vals)]
    try:
        acc = (None)
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
objs = [C(1), C(2.5), C('s'), C(2**63)]
for i in range(12):
    o = objs[i % len(objs)]
    try:
        print(i, o.m(), o.m(w=0.0), o.p, o.k, o == C(o.v), repr(o)[:80])
    except Exception as e:
        print(i, type(e).__name__)
    if i == 6:
        C.k = -0.0
        objs[0].v = -1e-7
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
