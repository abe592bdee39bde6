x = True
y = -2**47
def f(a, b=2, *args, c=3, **kw):
    return (([(' x ')[2**63], (b % (2.0**53))][1] << 70), len(args), sorted(kw))
try:
    print('f(1, 2, 3, 4, c=5, z=6)', f(1, 2, 3, 4, c=5, z=6))
except Exception as e:
    print(type(e).__name__)
try:
    print('f(x, c=y)', f(x, c=y))
except Exception as e:
    print(type(e).__name__)
try:
    print('f(x)', f(x))
except Exception as e:
    print(type(e).__name__)
class C:
    k = 10
    def __init__(self, v):
        self.v = v
    def m(self, w=1):
        return ((w & ('a')[0]) % w)
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
    y = ((((7) << 35) < y) ** -2); print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(str(y[2:None:0])[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(str(x[-3:10**20:-1])[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(str(format(y, 'b'))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print('(0.0)', repr((0.0))[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
try:
    print(repr(round(x))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    y = format(((x + (float('-inf'))) % (x / y)), '%'); print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
vals = [2**47 - 1, '12']
acc = 0
for i in range(27):
    v = vals[(i // 7) % len(vals)]
    try:
        acc = (0.0)
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
vals = [True, [1, 2, 3], float('inf'), -2.5]
acc = 0
for i in range(12):
    v = vals[(i // 5) % len(vals)]
    try:
        acc = ('%.2f' % ((not (acc or i)),))
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
objs = [C(1), C(2.5), C('s'), C(2**63)]
for i in range(12):
    o = objs[i % len(objs)]
    try:
        print(i, o.m(), o.m(w=-13), o.p, o.k, o == C(o.v), repr(o)[:80])
    except Exception as e:
        print(i, type(e).__name__)
    if i == 6:
        C.k = 1
        objs[0].v = [1, 2, 3]
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
