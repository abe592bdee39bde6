x = 0
y = ''
def f(a, b=2, *args, c=3, **kw):
    return ((1), len(args), sorted(kw))
try:
    print('f(x, c=y)', f(x, c=y))
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
    y = str(((+y) != ('a,b,,c')[2::0])); print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(repr(' x '.isdigit())[:300])
except Exception as e:
    print(type(e).__name__)
try:
    x = (('') // (((0.0) - y) & (y == y))); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(str((not (not (x ** 4))))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(repr(((x // y) ** 4))[:300])
except Exception as e:
    print(type(e).__name__)
vals = [-0.0, 'a,b,,c']
acc = 0
for i in range(33):
    v = vals[(i // 5) % len(vals)]
    try:
        acc = (-1e-7)
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
vals = [0, 2**48, [], 1e300]
acc = 0
for i in range(24):
    v = vals[(i // 5) % len(vals)]
    try:
        acc = (float('nan'))
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
vals = [-2**63, 0.0, (1, 'a'), ' x ']
acc = 0
for i in range(33):
    v = vals[(i // 3) % len(vals)]
    try:
        acc = (acc % ((not acc) < (-({'k': 1}))))
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
objs = [C(1), C(2.5), C('s'), C(2**63)]
for i in range(12):
    o = objs[i % len(objs)]
    try:
        print(i, o.m(), o.m(w={'k': 1}), o.p, o.k, o == C(o.v), repr(o)[:80])
    except Exception as e:
        print(i, type(e).__name__)
    if i == 6:
        C.k = 1e300
        objs[0].v = 2**48
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
