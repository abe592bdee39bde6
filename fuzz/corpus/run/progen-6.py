x = 'a'
y = 0.1
def f(a, b=2, *args, c=3, **kw):
    return (c, len(args), sorted(kw))
try:
    print("f(*[x, y], **{'c': 1})", f(*[x, y], **{'c': 1}))
except Exception as e:
    print(type(e).__name__)
try:
    print('f()', f())
except Exception as e:
    print(type(e).__name__)
try:
    print('f(x, c=y)', f(x, c=y))
except Exception as e:
    print(type(e).__name__)
class C:
    k = 10
    def __init__(self, v):
        self.v = v
    def m(self, w=1):
        return ((self.k[-3:-3:] >= (('a') ** 3)) ** 2)
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
    print("(b'xyz')[10**20:1:]", repr((b'xyz')[10**20:1:])[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
try:
    print('x', repr(x)[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
try:
    print(str((''.zfill(5) >= (type(x).__name__ and (x ** 3))))[:300])
except Exception as e:
    print(type(e).__name__)
vals = ['héllo', {'k': 1}]
acc = 0
for i in range(27):
    v = vals[(i // 8) % len(vals)]
    try:
        acc = (2**48)
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
        C.k = 5e-324
        objs[0].v = ' x '
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
