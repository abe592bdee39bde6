x = 'Hello World'
y = (1, 'a')
def f(a, b=2, *args, c=3, **kw):
    return (''.zfill(5), len(args), sorted(kw))
try:
    print("f(*[x, y], **{'c': 1})", f(*[x, y], **{'c': 1}))
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
        return w
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
    print('pow(x, 3)', repr(pow(x, 3))[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
try:
    print(repr((1.5))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(repr((-13))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    x = (x * ('héllo')); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(str((divmod(x, x) > (-(y << 61))))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    y = (((1, 'a')) & (5e-324)); print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
vals = [255, 'héllo', 2**47]
acc = 0
for i in range(18):
    v = vals[(i // 9) % len(vals)]
    try:
        acc = i[True]
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
objs = [C(1), C(2.5), C('s'), C(2**63)]
for i in range(12):
    o = objs[i % len(objs)]
    try:
        print(i, o.m(), o.m(w=-0.0), o.p, o.k, o == C(o.v), repr(o)[:80])
    except Exception as e:
        print(i, type(e).__name__)
    if i == 6:
        C.k = '12'
        objs[0].v = 0.0
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
