x = []
y = -1e-7
def f(a, b=2, *args, c=3, **kw):
    return (b, len(args), sorted(kw))
try:
    print('f()', f())
except Exception as e:
    print(type(e).__name__)
try:
    print('f(x)', f(x))
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
        return ((((float('nan')) or self.k) ** -2) if ((w >= ({'k': 1})) ^ w) else w)
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
    x = y[2:1:-1]; print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(repr(((-2**47 - 1) + (2**63 - 1)))[:300])
except Exception as e:
    print(type(e).__name__)
vals = ['12', '', 2**63, 2**64]
acc = 0
for i in range(37):
    v = vals[(i // 9) % len(vals)]
    try:
        acc = (('a,b,,c') + acc)
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
objs = [C(1), C(2.5), C('s'), C(2**63)]
for i in range(12):
    o = objs[i % len(objs)]
    try:
        print(i, o.m(), o.m(w='Hello World'), o.p, o.k, o == C(o.v), repr(o)[:80])
    except Exception as e:
        print(i, type(e).__name__)
    if i == 6:
        C.k = 1
        objs[0].v = -1e-7
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
