x = '12'
y = 2**48
def f(a, b=2, *args, c=3, **kw):
    return ((([(2.0**53), c][0] ** 2) << 65), len(args), sorted(kw))
try:
    print('f(x)', f(x))
except Exception as e:
    print(type(e).__name__)
try:
    print('f(x, y)', f(x, y))
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
        return (format(w, '>8') * ((-2**47 - 1) if self.v else ('a,b,,c')[1]))
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
    y = ((float('-inf')) ^ (('%x' % (y,)) & x[1])); print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    y = (((7) * (float('nan'))) > x); print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print('f"{(float(\'-inf\'))!r:>8}|{y}"', repr(f"{(float('-inf'))!r:>8}|{y}")[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
try:
    x = [(2**63 - 1), [min(y, y), ('%s' % ((2**47),))][-1]][0]; print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    x = (('')[-1] - [('héllo'), [(-2.5), (2**63)][1]][-1]); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
vals = [' x ', -2.5, 2**64, 2**64]
acc = 0
for i in range(33):
    v = vals[(i // 6) % len(vals)]
    try:
        acc = ('%e' % (('12'),))
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
vals = [-2.5, [1, 2, 3], 1e300, False]
acc = 0
for i in range(13):
    v = vals[(i // 3) % len(vals)]
    try:
        acc = i
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
vals = ['a,b,,c', '', 2**63]
acc = 0
for i in range(25):
    v = vals[(i // 3) % len(vals)]
    try:
        acc = repr((2**64))
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
        C.k = float('inf')
        objs[0].v = -0.0
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
