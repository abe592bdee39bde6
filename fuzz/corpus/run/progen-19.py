x = None
y = 'a'
def f(a, b=2, *args, c=3, **kw):
    return (divmod(((b or b) << 41), (((7) > c) - (' x ')[::2])), len(args), sorted(kw))
try:
    print("f(*[x, y], **{'c': 1})", f(*[x, y], **{'c': 1}))
except Exception as e:
    print(type(e).__name__)
try:
    print('f(1, 2, 3, 4, c=5, z=6)', f(1, 2, 3, 4, c=5, z=6))
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
        return (('héllo')[-1:10**20:0] & w)
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
    y = y[2**63]; print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print('y', repr(y)[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
try:
    print(repr(('%e' % (x,)))[:300])
except Exception as e:
    print(type(e).__name__)
vals = [-0.0, b'xy', (1, 'a')]
acc = 0
for i in range(24):
    v = vals[(i // 6) % len(vals)]
    try:
        acc = format(acc, '<6')
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
vals = [2.0**53, -1, -2**47 - 1]
acc = 0
for i in range(40):
    v = vals[(i // 3) % len(vals)]
    try:
        acc = (b'xyz')[:2:2]
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
        C.k = (1, 'a')
        objs[0].v = -1
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
