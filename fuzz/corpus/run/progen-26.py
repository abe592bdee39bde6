x = [1, 2, 3]
y = [1, 2, 3]
def f(a, b=2, *args, c=3, **kw):
    return (('%d' % ((0.0),)), len(args), sorted(kw))
try:
    print('f(x, d=[])', f(x, d=[]))
except Exception as e:
    print(type(e).__name__)
try:
    print('f(x, c=y)', f(x, c=y))
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
        return (('héllo')[None:10**20:] != (1e300))
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
    print("(('a') ^ y)", repr((('a') ^ y))[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
try:
    x = y[2:10**20:1]; print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(repr(round((x + type((False)).__name__), 2))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    y = (('')[1] - ([(float('nan')), (b'xy')][5] % (x and x))); print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
vals = [[], 255, '', None]
acc = 0
for i in range(37):
    v = vals[(i // 3) % len(vals)]
    try:
        acc = (v // acc)
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
objs = [C(1), C(2.5), C('s'), C(2**63)]
for i in range(12):
    o = objs[i % len(objs)]
    try:
        print(i, o.m(), o.m(w=-2**63), o.p, o.k, o == C(o.v), repr(o)[:80])
    except Exception as e:
        print(i, type(e).__name__)
    if i == 6:
        C.k = ''
        objs[0].v = float('inf')
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
