x = 2**63 - 1
y = 1.5
def f(a, b=2, *args, c=3, **kw):
    return (a, len(args), sorted(kw))
try:
    print('f(b=x, a=y)', f(b=x, a=y))
except Exception as e:
    print(type(e).__name__)
try:
    print('f(x, d=[])', f(x, d=[]))
except Exception as e:
    print(type(e).__name__)
try:
    print("f(*[x, y], **{'c': 1})", f(*[x, y], **{'c': 1}))
except Exception as e:
    print(type(e).__name__)
class C:
    k = 10
    def __init__(self, v):
        self.v = v
    def m(self, w=1):
        return w[2**63]
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
    x = (10**20); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print("(format(min((-1), y), '>8') ** -3)", repr((format(min((-1), y), '>8') ** -3))[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
try:
    y = x; print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    y = ((-1e-7) and (-1e-7)); print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    y = (y[-1:-1:0] >> 63); print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    x = (('a') << 44); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(repr(((y ** 3) << 50))[:300])
except Exception as e:
    print(type(e).__name__)
vals = [2**47 - 1, -2**47 - 1, 0, 1e300]
acc = 0
for i in range(20):
    v = vals[(i // 6) % len(vals)]
    try:
        acc = (((5e-324) == ((-1) << 66)) if ([v, (2**47 - 1)][0] * [((1, 'a')), i][0]) else format((255), '<6'))
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
objs = [C(1), C(2.5), C('s'), C(2**63)]
for i in range(12):
    o = objs[i % len(objs)]
    try:
        print(i, o.m(), o.m(w=-0.0), o.p, o.k, o == C(o.v), repr(o)[:80])
    except Exception as e:
        print(i, type(e).__name__)
    if i == 6:
        C.k = 2**47 - 1
        objs[0].v = 'héllo'
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
