x = float('nan')
y = 0.1
def f(a, b=2, *args, c=3, **kw):
    return ((2**48), len(args), sorted(kw))
try:
    print('f(x, d=[])', f(x, d=[]))
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
        return ('')
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
    x = (' x ')[-1]; print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(str(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(repr(((y[:10**20:1] == (0.0)) & (x + (2**48))))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print("(((x if y else x) * (1)) // ((('') ** -2) or (x >= x)))", repr((((x if y else x) * (1)) // ((('') ** -2) or (x >= x))))[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
try:
    x = (float('inf')); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(repr((pow(x[:-1:2], 1) if ((y | x) - (y > y)) else y))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    x = (-2**47); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    y = (y and (repr(y) << 11)); print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
vals = [-1, float('inf'), False, float('nan')]
acc = 0
for i in range(15):
    v = vals[(i // 6) % len(vals)]
    try:
        acc = (((v and v) ** -1) - (2**47 - 1))
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
vals = [' x ', 255, 'a,b,,c']
acc = 0
for i in range(19):
    v = vals[(i // 7) % len(vals)]
    try:
        acc = (' x '.upper() ** 5)
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
objs = [C(1), C(2.5), C('s'), C(2**63)]
for i in range(12):
    o = objs[i % len(objs)]
    try:
        print(i, o.m(), o.m(w='a'), o.p, o.k, o == C(o.v), repr(o)[:80])
    except Exception as e:
        print(i, type(e).__name__)
    if i == 6:
        C.k = {'k': 1}
        objs[0].v = 'Hello World'
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
