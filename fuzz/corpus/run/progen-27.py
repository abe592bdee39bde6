x = []
y = (1, 'a')
def f(a, b=2, *args, c=3, **kw):
    return ((c < (1.5)), len(args), sorted(kw))
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
        return 'a'.center(9, '*')
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
    print(str(('')[None::2])[:300])
except Exception as e:
    print(type(e).__name__)
try:
    x = (float('nan')); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(repr(f"{y!r:>4}|{(True)}")[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(repr((float('-inf')))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    x = (2**64); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(repr(((('a,b,,c')[1] + (y ** 5)) if x else format((~(1e300)), ',')))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    y = ('%5d' % (((('') >> 27) >> 70),)); print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
vals = [1, -2.5]
acc = 0
for i in range(27):
    v = vals[(i // 6) % len(vals)]
    try:
        acc = (1)
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
vals = [[], None, 2**63 - 1]
acc = 0
for i in range(31):
    v = vals[(i // 6) % len(vals)]
    try:
        acc = (acc or ((v // i) | (0.0)))
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
vals = [float('-inf'), -2.5]
acc = 0
for i in range(32):
    v = vals[(i // 8) % len(vals)]
    try:
        acc = ('abc')[10**20:1:1]
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
objs = [C(1), C(2.5), C('s'), C(2**63)]
for i in range(12):
    o = objs[i % len(objs)]
    try:
        print(i, o.m(), o.m(w=float('nan')), o.p, o.k, o == C(o.v), repr(o)[:80])
    except Exception as e:
        print(i, type(e).__name__)
    if i == 6:
        C.k = None
        objs[0].v = 7
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
