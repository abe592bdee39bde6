x = b'xy'
y = -2**47
def f(a, b=2, *args, c=3, **kw):
    return ((((a - b) if a[1] else [b, c][5]) & (2**47 - 1)), len(args), sorted(kw))
try:
    print('f(x, y)', f(x, y))
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
        return (-1e-7)
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
    print('x', repr(x)[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
try:
    print(repr((((0.1) * (not ((1, 'a')))) > ((-13) & ((True) / x))))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(str((2**48))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    y = f"{(None)!r:>2}|{y}"; print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    x = ((x // (x * x)) // x[1::]); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
vals = [False, 1.5, None]
acc = 0
for i in range(11):
    v = vals[(i // 6) % len(vals)]
    try:
        acc = ((5e-324) - ((7) << 35))
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
objs = [C(1), C(2.5), C('s'), C(2**63)]
for i in range(12):
    o = objs[i % len(objs)]
    try:
        print(i, o.m(), o.m(w=-1e-7), o.p, o.k, o == C(o.v), repr(o)[:80])
    except Exception as e:
        print(i, type(e).__name__)
    if i == 6:
        C.k = 5e-324
        objs[0].v = -0.0
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
