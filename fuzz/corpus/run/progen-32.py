x = 2**47 - 1
y = -2**47 - 1
def f(a, b=2, *args, c=3, **kw):
    return ((((True) | ((True) + a)) < ((-c) == a[0])), len(args), sorted(kw))
try:
    print('f(x, d=[])', f(x, d=[]))
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
    x = ((y if x else (x >> 1)) << 57); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print("((((2**63) + x) | ((1, 'a'))) % ([(2**47), y][1] > (2.0**53)))", repr(((((2**63) + x) | ((1, 'a'))) % ([(2**47), y][1] > (2.0**53))))[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
try:
    print(str(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print("('abc')", repr(('abc'))[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
vals = [5e-324, 2**48]
acc = 0
for i in range(34):
    v = vals[(i // 8) % len(vals)]
    try:
        acc = repr((-13))
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
vals = [float('inf'), (1, 'a'), -0.0, 255]
acc = 0
for i in range(24):
    v = vals[(i // 9) % len(vals)]
    try:
        acc = (((not i) < (2**47)) | (0))
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
objs = [C(1), C(2.5), C('s'), C(2**63)]
for i in range(12):
    o = objs[i % len(objs)]
    try:
        print(i, o.m(), o.m(w=0.0), o.p, o.k, o == C(o.v), repr(o)[:80])
    except Exception as e:
        print(i, type(e).__name__)
    if i == 6:
        C.k = 'a'
        objs[0].v = 2**63 - 1
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
