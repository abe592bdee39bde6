x = 0.0
y = -2**47 - 1
def f(a, b=2, *args, c=3, **kw):
    return ((((7) ** 0) ^ ((('a,b,,c') ^ c) and bool(c))), len(args), sorted(kw))
try:
    print('f(x, c=y)', f(x, c=y))
except Exception as e:
    print(type(e).__name__)
try:
    print("f(*[x, y], **{'c': 1})", f(*[x, y], **{'c': 1}))
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
        return ('abc')
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
    print(repr((((('a,b,,c') <= ('a,b,,c')) | (1.5)) + round((float('nan')), 2)))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print("(([1, 2, 3]) / str(('a,b,,c')))", repr((([1, 2, 3]) / str(('a,b,,c'))))[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
try:
    y = format(('a,b,,c')[2**63], '.3f'); print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(repr((((('héllo') + y) ** 5) - ((x + x) ** 2)))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    y = ('abc'); print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(str(((('abc') if (2**48) else [(-0.0), (None)][-1]) ** -3))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print('repr(x)', repr(repr(x))[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
try:
    x = ((((2**48) | (10**20)) | [y, x][-1]) & x); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
vals = ['', -13, None]
acc = 0
for i in range(38):
    v = vals[(i // 7) % len(vals)]
    try:
        acc = 'Hello World'.count('l')
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
vals = [2**63 - 1, 7]
acc = 0
for i in range(11):
    v = vals[(i // 3) % len(vals)]
    try:
        acc = (([]) and (((1.5) <= (-1e-7)) * hash(7)))
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
vals = [{'k': 1}, 'héllo', -1]
acc = 0
for i in range(21):
    v = vals[(i // 3) % len(vals)]
    try:
        acc = (((v > i) & (i <= v)) % ((float('inf')) / (~i)))
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
objs = [C(1), C(2.5), C('s'), C(2**63)]
for i in range(12):
    o = objs[i % len(objs)]
    try:
        print(i, o.m(), o.m(w=2**63 - 1), o.p, o.k, o == C(o.v), repr(o)[:80])
    except Exception as e:
        print(i, type(e).__name__)
    if i == 6:
        C.k = []
        objs[0].v = None
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
