x = -1
y = -0.0
def f(a, b=2, *args, c=3, **kw):
    return (b[x], len(args), sorted(kw))
try:
    print('f(b=x, a=y)', f(b=x, a=y))
except Exception as e:
    print(type(e).__name__)
try:
    print('f(x, y)', f(x, y))
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
        return (float('nan'))
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
    x = ((((0) + (2**63)) >= x) ** 5); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    y = format(str(('')[2**63]), '%'); print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print('((-0.0) % [y[-3:10**20:1], [x, y][5]][1])', repr(((-0.0) % [y[-3:10**20:1], [x, y][5]][1]))[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
vals = [b'xy', -0.0, 2.0**53, 'a']
acc = 0
for i in range(32):
    v = vals[(i // 9) % len(vals)]
    try:
        acc = f"{(float('inf'))!r:>0}|{i}"
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
vals = [' x ', [1, 2, 3], True, 0]
acc = 0
for i in range(35):
    v = vals[(i // 4) % len(vals)]
    try:
        acc = ('%e' % (pow((i if ('') else acc), 5),))
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
vals = ['héllo', 0.0, 1e300, 'héllo']
acc = 0
for i in range(27):
    v = vals[(i // 7) % len(vals)]
    try:
        acc = acc[2:10**20:2]
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
objs = [C(1), C(2.5), C('s'), C(2**63)]
for i in range(12):
    o = objs[i % len(objs)]
    try:
        print(i, o.m(), o.m(w='12'), o.p, o.k, o == C(o.v), repr(o)[:80])
    except Exception as e:
        print(i, type(e).__name__)
    if i == 6:
        C.k = float('nan')
        objs[0].v = 2**47
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
