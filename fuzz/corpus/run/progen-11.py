x = float('-inf')
y = float('inf')
def f(a, b=2, *args, c=3, **kw):
    return (((2.0**53) if (a ^ ' x '.upper()) else 'abc'.center(9, '*')), len(args), sorted(kw))
try:
    print('f(x)', f(x))
except Exception as e:
    print(type(e).__name__)
try:
    print('f(x, y)', f(x, y))
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
    print("([x, (' x ')[True]][0] if (+(x & y)) else ((x | y) & ((1, 'a'))))", repr(([x, (' x ')[True]][0] if (+(x & y)) else ((x | y) & ((1, 'a')))))[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
try:
    print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(str((1))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print('((((-2**63) >= y) <= (y + y)) - y)', repr(((((-2**63) >= y) <= (y + y)) - y))[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
try:
    print(repr((5e-324))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
vals = [float('nan'), 1.5, 'a,b,,c']
acc = 0
for i in range(19):
    v = vals[(i // 7) % len(vals)]
    try:
        acc = (((('héllo') << 20) ^ (float('nan'))) - ((-2.5) & ('a,b,,c')))
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
vals = [None, 2**47]
acc = 0
for i in range(18):
    v = vals[(i // 4) % len(vals)]
    try:
        acc = 'a'.center(9, '*')
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
vals = [None, -2**47]
acc = 0
for i in range(40):
    v = vals[(i // 3) % len(vals)]
    try:
        acc = (i > (i % [(1), (1e300)][-1]))
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
objs = [C(1), C(2.5), C('s'), C(2**63)]
for i in range(12):
    o = objs[i % len(objs)]
    try:
        print(i, o.m(), o.m(w=-1), o.p, o.k, o == C(o.v), repr(o)[:80])
    except Exception as e:
        print(i, type(e).__name__)
    if i == 6:
        C.k = -0.0
        objs[0].v = (1, 'a')
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
