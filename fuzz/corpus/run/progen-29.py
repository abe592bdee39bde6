x = 'a'
y = float('nan')
def f(a, b=2, *args, c=3, **kw):
    return (((5e-324) << 4), len(args), sorted(kw))
try:
    print('f(x, y)', f(x, y))
except Exception as e:
    print(type(e).__name__)
try:
    print("f(*[x, y], **{'c': 1})", f(*[x, y], **{'c': 1}))
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
    y = ('%x' % (((y ^ y) < (float('inf'))),)); print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    y = y; print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    x = format((((1.5) // y) and (y | x)), '.3f'); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    x = ((x[-3:-1:1] + 'a'.strip()) + [((-13) * (-2.5)), (float('inf'))][0]); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    x = (2**63); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
vals = [{'k': 1}, 2**48]
acc = 0
for i in range(35):
    v = vals[(i // 8) % len(vals)]
    try:
        acc = (7)
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
        C.k = -2.5
        objs[0].v = []
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
