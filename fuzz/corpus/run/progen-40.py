x = float('nan')
y = ''
def f(a, b=2, *args, c=3, **kw):
    return ((b'xy'), len(args), sorted(kw))
try:
    print('f(b=x, a=y)', f(b=x, a=y))
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
        return ([1, 2, 3])[-1]
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
    y = (((-2**47) % ('a')) or (~x)); print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print("(((x != ('')) - (x >> 58)) << 60)", repr((((x != ('')) - (x >> 58)) << 60))[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
try:
    print(repr(x[0])[:300])
except Exception as e:
    print(type(e).__name__)
vals = [1.5, [], -2**63, 0]
acc = 0
for i in range(40):
    v = vals[(i // 5) % len(vals)]
    try:
        acc = f"{(2**64)!r:>3}|{i}"
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
objs = [C(1), C(2.5), C('s'), C(2**63)]
for i in range(12):
    o = objs[i % len(objs)]
    try:
        print(i, o.m(), o.m(w=None), o.p, o.k, o == C(o.v), repr(o)[:80])
    except Exception as e:
        print(i, type(e).__name__)
    if i == 6:
        C.k = 2**48
        objs[0].v = 2**47
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
