x = -0.0
y = -2**47 - 1
def f(a, b=2, *args, c=3, **kw):
    return (f"{c!r:>3}|{a}", len(args), sorted(kw))
try:
    print('f(b=x, a=y)', f(b=x, a=y))
except Exception as e:
    print(type(e).__name__)
try:
    print("f(*[x, y], **{'c': 1})", f(*[x, y], **{'c': 1}))
except Exception as e:
    print(type(e).__name__)
try:
    print('f(x)', f(x))
except Exception as e:
    print(type(e).__name__)
class C:
    k = 10
    def __init__(self, v):
        self.v = v
    def m(self, w=1):
        return (5e-324)
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
    print('((1, 2.5))[1:10**20:1]', repr(((1, 2.5))[1:10**20:1])[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
try:
    y = (('12') or (-(('a,b,,c') * x))); print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    y = f"{x!r:>1}|{x}"; print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
vals = [float('nan'), -0.0, 0.1, 'Hello World']
acc = 0
for i in range(13):
    v = vals[(i // 7) % len(vals)]
    try:
        acc = ('Hello World')[-1]
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
vals = [[], 2**48]
acc = 0
for i in range(16):
    v = vals[(i // 9) % len(vals)]
    try:
        acc = (i if (min(v, (1)) ^ ('12')[0]) else round(i, 5))
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
objs = [C(1), C(2.5), C('s'), C(2**63)]
for i in range(12):
    o = objs[i % len(objs)]
    try:
        print(i, o.m(), o.m(w=0.1), o.p, o.k, o == C(o.v), repr(o)[:80])
    except Exception as e:
        print(i, type(e).__name__)
    if i == 6:
        C.k = -1
        objs[0].v = False
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
