x = 'abc'
y = [1, 2, 3]
def f(a, b=2, *args, c=3, **kw):
    return ((('%.2f' % (('12'),)) ** 5), len(args), sorted(kw))
try:
    print("f(*[x, y], **{'c': 1})", f(*[x, y], **{'c': 1}))
except Exception as e:
    print(type(e).__name__)
try:
    print('f(x, d=[])', f(x, d=[]))
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
        return 'Hello World'.split(',')
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
    x = format(([y, ('héllo')][0] and ((2**63 - 1) << 41)), 'd'); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    x = (-[round(x, -3), 'a'.encode()][0]); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(str((1))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(str(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    x = format(((x >> 48) if int((0)) else '12'.isdigit()), '%'); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    y = (((y >> 33) | format(y, '.3f')) or ((1, 'a'))); print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
vals = [2**63 - 1, 5e-324, 2.0**53, float('nan')]
acc = 0
for i in range(12):
    v = vals[(i // 7) % len(vals)]
    try:
        acc = ('héllo'.upper() | acc)
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
vals = [2**47 - 1, -1]
acc = 0
for i in range(26):
    v = vals[(i // 8) % len(vals)]
    try:
        acc = (-2**63)
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
        C.k = -2**63
        objs[0].v = -1
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
