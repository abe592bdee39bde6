x = []
y = 'abc'
def f(a, b=2, *args, c=3, **kw):
    return (a, len(args), sorted(kw))
try:
    print('f(x, y)', f(x, y))
except Exception as e:
    print(type(e).__name__)
try:
    print('f(x, c=y)', f(x, c=y))
except Exception as e:
    print(type(e).__name__)
try:
    print('f(x, a=1)', f(x, a=1))
except Exception as e:
    print(type(e).__name__)
class C:
    k = 10
    def __init__(self, v):
        self.v = v
    def m(self, w=1):
        return (''.split(',') ^ w)
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
    x = ((((-0.0) ^ (None)) ** 0) % (((10**20) < y) / x)); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(str(((((False) ** 0) - (x ** 3)) != min((~({'k': 1})), (+(1)))))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(repr(x[0])[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(str((' x ')[10**20:2:2])[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(str((((0) >> 69) << 53))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(str((y >> 1))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    x = format((x ^ (y if x else x)), ''); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(str(('%5d' % (((x << 18) ^ ((float('-inf')) or y)),)))[:300])
except Exception as e:
    print(type(e).__name__)
vals = [2.0**53, [1, 2, 3], -0.0]
acc = 0
for i in range(24):
    v = vals[(i // 5) % len(vals)]
    try:
        acc = v
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
vals = [-13, 7, -1e-7]
acc = 0
for i in range(29):
    v = vals[(i // 8) % len(vals)]
    try:
        acc = ((v[2**63] > format((-1e-7), '%')) and (v + acc))
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
vals = [2**48, -2.5, float('inf'), 'Hello World']
acc = 0
for i in range(26):
    v = vals[(i // 5) % len(vals)]
    try:
        acc = (((v > v) and i[2**63]) > ((2.0**53) ^ ((2**47 - 1) if v else ('héllo'))))
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
        C.k = -2**47
        objs[0].v = 'a,b,,c'
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
