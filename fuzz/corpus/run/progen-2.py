x = -1
y = 2**63 - 1
def f(a, b=2, *args, c=3, **kw):
    return ([((c and ([])) ** 5), ('%x' % (((float('inf')) % (float('-inf'))),))][1], len(args), sorted(kw))
try:
    print('f(x, d=[])', f(x, d=[]))
except Exception as e:
    print(type(e).__name__)
try:
    print('f(x, c=y)', f(x, c=y))
except Exception as e:
    print(type(e).__name__)
try:
    print('f(x, y)', f(x, y))
except Exception as e:
    print(type(e).__name__)
class C:
    k = 10
    def __init__(self, v):
        self.v = v
    def m(self, w=1):
        return self.v
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
    y = hash(-2.5); print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    y = (-1e-7); print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(str(type(y[1.0]).__name__)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    x = (format(round((1e300)), 'b') >= x[1]); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
vals = [0.1, -1e-7, ' x ']
acc = 0
for i in range(40):
    v = vals[(i // 3) % len(vals)]
    try:
        acc = (type((-(7))).__name__ == (v ^ v))
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
vals = [None, 2**63 - 1, 1.5]
acc = 0
for i in range(40):
    v = vals[(i // 3) % len(vals)]
    try:
        acc = v
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
vals = [0, 0.1]
acc = 0
for i in range(26):
    v = vals[(i // 8) % len(vals)]
    try:
        acc = ([1, 2, 3])
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
objs = [C(1), C(2.5), C('s'), C(2**63)]
for i in range(12):
    o = objs[i % len(objs)]
    try:
        print(i, o.m(), o.m(w=2**63), o.p, o.k, o == C(o.v), repr(o)[:80])
    except Exception as e:
        print(i, type(e).__name__)
    if i == 6:
        C.k = ''
        objs[0].v = -13
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
