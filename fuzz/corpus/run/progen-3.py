x = False
y = 2**63 - 1
def f(a, b=2, *args, c=3, **kw):
    return (format((format(a, '^7') | ('%x' % (a,))), '^7'), len(args), sorted(kw))
try:
    print('f(x, c=y)', f(x, c=y))
except Exception as e:
    print(type(e).__name__)
try:
    print('f(x, a=1)', f(x, a=1))
except Exception as e:
    print(type(e).__name__)
try:
    print('f()', f())
except Exception as e:
    print(type(e).__name__)
class C:
    k = 10
    def __init__(self, v):
        self.v = v
    def m(self, w=1):
        return (1)
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
    print('(round((x if (1) else x), 1) ** 3)', repr((round((x if (1) else x), 1) ** 3))[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
try:
    print(repr(pow((((None) < (b'xy')) if ('a') else (('Hello World') < y)), 4))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print('((y - (2**63)) % ((x - (2**47 - 1)) ** 3))', repr(((y - (2**63)) % ((x - (2**47 - 1)) ** 3)))[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
try:
    print(str(((~((5e-324) | (2.0**53))) ^ ('Hello World')))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(str((y[1:-3:0] > pow((y | y), 1)))[:300])
except Exception as e:
    print(type(e).__name__)
vals = [0, 0.1, [], float('nan')]
acc = 0
for i in range(13):
    v = vals[(i // 7) % len(vals)]
    try:
        acc = ((~(i ** -2)) + [(((1, 'a')) << 41), acc][0])
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
objs = [C(1), C(2.5), C('s'), C(2**63)]
for i in range(12):
    o = objs[i % len(objs)]
    try:
        print(i, o.m(), o.m(w=1e300), o.p, o.k, o == C(o.v), repr(o)[:80])
    except Exception as e:
        print(i, type(e).__name__)
    if i == 6:
        C.k = [1, 2, 3]
        objs[0].v = 1.5
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
