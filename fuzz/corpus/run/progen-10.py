x = ''
y = float('inf')
def f(a, b=2, *args, c=3, **kw):
    return ((format(''.find('b'), 'x') <= (abs(a) > c[1:10**20:-1])), len(args), sorted(kw))
try:
    print('f(1, 2, 3, 4, c=5, z=6)', f(1, 2, 3, 4, c=5, z=6))
except Exception as e:
    print(type(e).__name__)
try:
    print('f()', f())
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
        return (((self.v if w else (2**48)) or ((float('-inf')) * (-2.5))) == self.k)
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
    print(str((-13))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    x = type((2**64)).__name__; print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    x = (x[2:2:-1] == x); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    y = len(((y / y) & round((True), 1))); print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(str(format(y, 'r'))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(str((float('-inf')))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    x = ((x[10**20::] + (y | y)) ^ (~x[1.0])); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    x = ('a,b,,c'.center(9, '*') + (((1) > (-2**47 - 1)) << 61)); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
vals = [-2.5, 1.5, 2**47 - 1, -2.5]
acc = 0
for i in range(16):
    v = vals[(i // 6) % len(vals)]
    try:
        acc = [([1, 2, 3])[2**63], ('%s' % (acc,))][0]
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
vals = [5e-324, [1, 2, 3], -2**63, 1]
acc = 0
for i in range(33):
    v = vals[(i // 5) % len(vals)]
    try:
        acc = round(((i >> 64) < '12'.count('l')))
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
objs = [C(1), C(2.5), C('s'), C(2**63)]
for i in range(12):
    o = objs[i % len(objs)]
    try:
        print(i, o.m(), o.m(w=float('inf')), o.p, o.k, o == C(o.v), repr(o)[:80])
    except Exception as e:
        print(i, type(e).__name__)
    if i == 6:
        C.k = float('nan')
        objs[0].v = -0.0
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
