x = 10**20
y = 2**63
def f(a, b=2, *args, c=3, **kw):
    return (a, len(args), sorted(kw))
try:
    print('f(x, d=[])', f(x, d=[]))
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
        return (((self.k | (-1)) - (1e300)) / self.k)
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
    print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(repr(float((0.0)))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(str(('héllo')[-1])[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print("(((y ** 3) <= (+(-2**47 - 1))) != ('%e' % ((x % (2**63)),)))", repr((((y ** 3) <= (+(-2**47 - 1))) != ('%e' % ((x % (2**63)),))))[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
vals = [7, -2.5, float('inf'), 0.0]
acc = 0
for i in range(25):
    v = vals[(i // 3) % len(vals)]
    try:
        acc = ((None) / v)
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
vals = ['Hello World', float('nan'), 2.0**53]
acc = 0
for i in range(17):
    v = vals[(i // 7) % len(vals)]
    try:
        acc = (((i % v) or v[-1]) - ((2**47 - 1) or ('%x' % ((' x '),))))
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
objs = [C(1), C(2.5), C('s'), C(2**63)]
for i in range(12):
    o = objs[i % len(objs)]
    try:
        print(i, o.m(), o.m(w=2**64), o.p, o.k, o == C(o.v), repr(o)[:80])
    except Exception as e:
        print(i, type(e).__name__)
    if i == 6:
        C.k = -1e-7
        objs[0].v = 1e300
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
