x = -2**47
y = 0.0
def f(a, b=2, *args, c=3, **kw):
    return (c, len(args), sorted(kw))
try:
    print('f(x)', f(x))
except Exception as e:
    print(type(e).__name__)
try:
    print('f(1, 2, 3, 4, c=5, z=6)', f(1, 2, 3, 4, c=5, z=6))
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
        return (((2**63 - 1) + self.v) & (w >> 41))
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
    y = (2**47 - 1); print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print("format('12'.startswith('H'), 'd')", repr(format('12'.startswith('H'), 'd'))[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
try:
    print('round(x)', repr(round(x))[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
try:
    y = ((None) >> 60); print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    x = (max(('%.2f' % (y,)), [(2**47), x][5]) if [(True), (x if y else x)][1] else (x == ('%x' % ((2.0**53),)))); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
vals = [0.0, 'a']
acc = 0
for i in range(39):
    v = vals[(i // 7) % len(vals)]
    try:
        acc = ([(+(-1e-7)), i][-1] == format(acc, '.2e'))
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
vals = [-2**47, 0, '12', 2**63 - 1]
acc = 0
for i in range(36):
    v = vals[(i // 3) % len(vals)]
    try:
        acc = ((acc and (('a') ** 4)) + [(-2**47 - 1), (('a,b,,c') << 18)][0])
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
objs = [C(1), C(2.5), C('s'), C(2**63)]
for i in range(12):
    o = objs[i % len(objs)]
    try:
        print(i, o.m(), o.m(w=-2.5), o.p, o.k, o == C(o.v), repr(o)[:80])
    except Exception as e:
        print(i, type(e).__name__)
    if i == 6:
        C.k = {'k': 1}
        objs[0].v = 'héllo'
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
