x = 1.5
y = 2.0**53
def f(a, b=2, *args, c=3, **kw):
    return ((2**63 - 1), len(args), sorted(kw))
try:
    print('f(x)', f(x))
except Exception as e:
    print(type(e).__name__)
try:
    print('f(b=x, a=y)', f(b=x, a=y))
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
        return self.v
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
    print("((''.encode() & x) // ('%d' % (('%e' % ((2**47 - 1),)),)))", repr(((''.encode() & x) // ('%d' % (('%e' % ((2**47 - 1),)),))))[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
try:
    y = (''); print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(str((1e300))[:300])
except Exception as e:
    print(type(e).__name__)
vals = [0.1, 255, [1, 2, 3]]
acc = 0
for i in range(38):
    v = vals[(i // 5) % len(vals)]
    try:
        acc = i
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
vals = [0.1, 'a', True, 1.5]
acc = 0
for i in range(19):
    v = vals[(i // 8) % len(vals)]
    try:
        acc = (('12')[:None:0] % (v[1] or (acc // ([]))))
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
vals = [(1, 'a'), 2**64, 1.5]
acc = 0
for i in range(22):
    v = vals[(i // 9) % len(vals)]
    try:
        acc = format((2**47), '.2e')
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
objs = [C(1), C(2.5), C('s'), C(2**63)]
for i in range(12):
    o = objs[i % len(objs)]
    try:
        print(i, o.m(), o.m(w=-0.0), o.p, o.k, o == C(o.v), repr(o)[:80])
    except Exception as e:
        print(i, type(e).__name__)
    if i == 6:
        C.k = 2**64
        objs[0].v = float('-inf')
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
