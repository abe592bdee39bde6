x = {'k': 1}
y = True
def f(a, b=2, *args, c=3, **kw):
    return ((float('-inf')), len(args), sorted(kw))
try:
    print('f(x, y)', f(x, y))
except Exception as e:
    print(type(e).__name__)
try:
    print("f(*[x, y], **{'c': 1})", f(*[x, y], **{'c': 1}))
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
        return round((w % ((1, 2.5))[10**20:-3:-1]), -3)
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
    y = f"{x!r:>0}|{(-0.0)}"; print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(repr((([(float('nan')), y][1] >> 18) != (float('inf'))))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    x = (y * (x ^ [x, ('Hello World')][1])); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print('x', repr(x)[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
try:
    x = (2**47); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    x = (-(2**47 - 1)); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
vals = ['a,b,,c', float('-inf'), float('nan')]
acc = 0
for i in range(33):
    v = vals[(i // 9) % len(vals)]
    try:
        acc = ([1, 2, 3])
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
vals = [None, float('nan'), '']
acc = 0
for i in range(34):
    v = vals[(i // 9) % len(vals)]
    try:
        acc = (2**48)
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
vals = [-2.5, (1, 'a'), 2**63 - 1, -0.0]
acc = 0
for i in range(36):
    v = vals[(i // 3) % len(vals)]
    try:
        acc = ((((2.0**53) if i else v) % ((-1e-7) and i)) and i)
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
objs = [C(1), C(2.5), C('s'), C(2**63)]
for i in range(12):
    o = objs[i % len(objs)]
    try:
        print(i, o.m(), o.m(w=7), o.p, o.k, o == C(o.v), repr(o)[:80])
    except Exception as e:
        print(i, type(e).__name__)
    if i == 6:
        C.k = float('inf')
        objs[0].v = 7
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
