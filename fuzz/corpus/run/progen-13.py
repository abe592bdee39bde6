x = 0.1
y = b'xy'
def f(a, b=2, *args, c=3, **kw):
    return (([c, a][-1] + [((-1) // ([])), (a ** 4)][5]), len(args), sorted(kw))
try:
    print('f()', f())
except Exception as e:
    print(type(e).__name__)
try:
    print('f(x, a=1)', f(x, a=1))
except Exception as e:
    print(type(e).__name__)
try:
    print('f(x, d=[])', f(x, d=[]))
except Exception as e:
    print(type(e).__name__)
class C:
    k = 10
    def __init__(self, v):
        self.v = v
    def m(self, w=1):
        return (((('abc') ** 4) or (self.k >> 32)) % (('a,b,,c') and ((-1) <= (5e-324))))
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
    print('(y // y)', repr((y // y))[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
try:
    x = (float('-inf')); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(repr((x and ((x << 21) if ('') else (-(-2**47 - 1)))))[:300])
except Exception as e:
    print(type(e).__name__)
vals = [float('nan'), 'a', float('-inf')]
acc = 0
for i in range(28):
    v = vals[(i // 4) % len(vals)]
    try:
        acc = (i ^ [((0.0) <= (-13)), (-2**47)][5])
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
vals = [-2**47 - 1, -2.5, (1, 'a')]
acc = 0
for i in range(21):
    v = vals[(i // 9) % len(vals)]
    try:
        acc = (not ((((1, 'a')) and acc) & ((-13) << 14)))
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
objs = [C(1), C(2.5), C('s'), C(2**63)]
for i in range(12):
    o = objs[i % len(objs)]
    try:
        print(i, o.m(), o.m(w=2**47 - 1), o.p, o.k, o == C(o.v), repr(o)[:80])
    except Exception as e:
        print(i, type(e).__name__)
    if i == 6:
        C.k = 0.1
        objs[0].v = ' x '
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
