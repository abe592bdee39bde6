x = 'Hello World'
y = ''
def f(a, b=2, *args, c=3, **kw):
    return ((('a'.find('b') | (0)) == (divmod((2**63), c) or (b if (10**20) else (-2**47 - 1)))), len(args), sorted(kw))
try:
    print('f(1, 2, 3, 4, c=5, z=6)', f(1, 2, 3, 4, c=5, z=6))
except Exception as e:
    print(type(e).__name__)
try:
    print('f(x, d=[])', f(x, d=[]))
except Exception as e:
    print(type(e).__name__)
try:
    print("f(*[x, y], **{'c': 1})", f(*[x, y], **{'c': 1}))
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
    print(str(('abc')[None:-3:1])[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(repr(f"{y!r:>8}|{x}")[:300])
except Exception as e:
    print(type(e).__name__)
try:
    x = format(y, 'r'); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
vals = [True, 5e-324]
acc = 0
for i in range(13):
    v = vals[(i // 9) % len(vals)]
    try:
        acc = ((' x ')[None:10**20:-1] >= divmod('12'.isdigit(), ((float('-inf')) % v)))
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
vals = ['', 'Hello World', -1e-7]
acc = 0
for i in range(32):
    v = vals[(i // 6) % len(vals)]
    try:
        acc = ''.zfill(5)
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
vals = [-13, 'a,b,,c', '12', float('inf')]
acc = 0
for i in range(34):
    v = vals[(i // 7) % len(vals)]
    try:
        acc = (('a') % (format(i, '>8') <= i))
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
objs = [C(1), C(2.5), C('s'), C(2**63)]
for i in range(12):
    o = objs[i % len(objs)]
    try:
        print(i, o.m(), o.m(w=2**48), o.p, o.k, o == C(o.v), repr(o)[:80])
    except Exception as e:
        print(i, type(e).__name__)
    if i == 6:
        C.k = 0.0
        objs[0].v = float('inf')
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
