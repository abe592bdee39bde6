x = ' x '
y = 1e300
def f(a, b=2, *args, c=3, **kw):
    return (({'k': 1}), len(args), sorted(kw))
try:
    print('f(1, 2, 3, 4, c=5, z=6)', f(1, 2, 3, 4, c=5, z=6))
except Exception as e:
    print(type(e).__name__)
try:
    print('f(x, y)', f(x, y))
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
        return (0.1)
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
    x = ' x '.encode(); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(str(((-13) ^ [(b'xy'), y][1]))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    y = (-((0.0) if type((-2.5)).__name__ else x)); print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print('((False) ^ (y % y))', repr(((False) ^ (y % y)))[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
try:
    print(str((0.0))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print("format(((([]) + ('abc')) <= ((2**47 - 1) if (7) else (False))), '+')", repr(format(((([]) + ('abc')) <= ((2**47 - 1) if (7) else (False))), '+'))[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
try:
    y = (y // round(x, 0)); print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
vals = [-2**47 - 1, 10**20, ' x ', -2.5]
acc = 0
for i in range(36):
    v = vals[(i // 4) % len(vals)]
    try:
        acc = f"{(2**64)!r:>3}|{i}"
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
vals = ['', {'k': 1}, ' x ']
acc = 0
for i in range(39):
    v = vals[(i // 7) % len(vals)]
    try:
        acc = ('abc')
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
        C.k = 1.5
        objs[0].v = -2**47 - 1
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
