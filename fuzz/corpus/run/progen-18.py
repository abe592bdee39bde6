x = 7
y = []
def f(a, b=2, *args, c=3, **kw):
    return (('abc'.isdigit() <= (-2**47)), len(args), sorted(kw))
try:
    print('f(x, y)', f(x, y))
except Exception as e:
    print(type(e).__name__)
try:
    print('f()', f())
except Exception as e:
    print(type(e).__name__)
try:
    print('f(1, 2, 3, 4, c=5, z=6)', f(1, 2, 3, 4, c=5, z=6))
except Exception as e:
    print(type(e).__name__)
class C:
    k = 10
    def __init__(self, v):
        self.v = v
    def m(self, w=1):
        return ((w > [(-2.5), (0.0)][-1]) & ('12'))
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
    print(str(((('%d' % (x,)) or 'héllo'.find('b')) ** 0))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    x = ('a'); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    x = ('%e' % ([(y * x), ('%r' % (y,))][0],)); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(repr((max((y % y), (x or (''))) & y))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    x = ('%e' % (((5e-324) & ('%x' % ((2**47),))),)); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    x = ('a,b,,c'.strip() + (('%5d' % (x,)) / x)); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print('((((-1e-7) * y) ^ [(-2**47), (None)][-1]) & x)', repr(((((-1e-7) * y) ^ [(-2**47), (None)][-1]) & x))[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
vals = [b'xy', -0.0, 2**48, (1, 'a')]
acc = 0
for i in range(34):
    v = vals[(i // 6) % len(vals)]
    try:
        acc = ('%e' % (((1e300) if (2**47) else ('%5d' % (acc,))),))
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
objs = [C(1), C(2.5), C('s'), C(2**63)]
for i in range(12):
    o = objs[i % len(objs)]
    try:
        print(i, o.m(), o.m(w=2.0**53), o.p, o.k, o == C(o.v), repr(o)[:80])
    except Exception as e:
        print(i, type(e).__name__)
    if i == 6:
        C.k = float('inf')
        objs[0].v = True
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
