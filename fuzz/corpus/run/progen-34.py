x = '12'
y = ''
def f(a, b=2, *args, c=3, **kw):
    return ((int((c << 12)) // ([a, c][0] & ((0.1) if a else c))), len(args), sorted(kw))
try:
    print('f(x, c=y)', f(x, c=y))
except Exception as e:
    print(type(e).__name__)
try:
    print('f(x, d=[])', f(x, d=[]))
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
        return ('%x' % ((-1),))
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
    x = y; print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    y = divmod((format(y, '.3f') * (y // y)), (('12')[-1:2:-1] if ((-0.0) and (5e-324)) else ((float('inf')) % (-2**47)))); print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print("(y - ('%x' % (((2**64) ** -1),)))", repr((y - ('%x' % (((2**64) ** -1),))))[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
try:
    print(str(max(x, (([1, 2, 3])[True] ** 5)))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(str(('a,b,,c'))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    y = y; print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
vals = ['a,b,,c', -2.5]
acc = 0
for i in range(11):
    v = vals[(i // 3) % len(vals)]
    try:
        acc = (((('a') ** 0) << 64) if [v, format(acc, '+')][1] else [((2.0**53) // (2.0**53)), (~(float('-inf')))][5])
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
vals = [None, ' x ']
acc = 0
for i in range(11):
    v = vals[(i // 4) % len(vals)]
    try:
        acc = (('') if v else 'abc'.strip())
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
objs = [C(1), C(2.5), C('s'), C(2**63)]
for i in range(12):
    o = objs[i % len(objs)]
    try:
        print(i, o.m(), o.m(w=' x '), o.p, o.k, o == C(o.v), repr(o)[:80])
    except Exception as e:
        print(i, type(e).__name__)
    if i == 6:
        C.k = -2.5
        objs[0].v = -0.0
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
