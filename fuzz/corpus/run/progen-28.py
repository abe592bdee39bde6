x = -13
y = 'abc'
def f(a, b=2, *args, c=3, **kw):
    return ((-2.5), len(args), sorted(kw))
try:
    print('f(b=x, a=y)', f(b=x, a=y))
except Exception as e:
    print(type(e).__name__)
try:
    print('f(x, c=y)', f(x, c=y))
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
        return ('héllo')
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
    print(str(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    y = (+('Hello World')); print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(repr((2**47 - 1))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    x = (((-1e-7) ** -2) >> 21); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
vals = [-2**63, 1e300]
acc = 0
for i in range(31):
    v = vals[(i // 8) % len(vals)]
    try:
        acc = (float('-inf'))
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
vals = [255, float('nan')]
acc = 0
for i in range(17):
    v = vals[(i // 4) % len(vals)]
    try:
        acc = (0.0)
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
objs = [C(1), C(2.5), C('s'), C(2**63)]
for i in range(12):
    o = objs[i % len(objs)]
    try:
        print(i, o.m(), o.m(w=2**48), o.p, o.k, o == C(o.v), repr(o)[:80])
    except Exception as e:
        print(i, type(e).__name__)
    if i == 6:
        C.k = 2.0**53
        objs[0].v = []
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
