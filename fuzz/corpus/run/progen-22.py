x = 2**47
y = 2**64
def f(a, b=2, *args, c=3, **kw):
    return (c, len(args), sorted(kw))
try:
    print('f()', f())
except Exception as e:
    print(type(e).__name__)
try:
    print('f(x, y)', f(x, y))
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
        return self.k
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
    print("[('Hello World')[None::], ((({'k': 1}) if y else (1.5)) & 'abc'.zfill(5))][-1]", repr([('Hello World')[None::], ((({'k': 1}) if y else (1.5)) & 'abc'.zfill(5))][-1])[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
try:
    print(repr(((-((' x ') ** 3)) * bool(((' x ') >> 11))))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print('int(min(((0.0) == x), (1.5)))', repr(int(min(((0.0) == x), (1.5))))[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
try:
    print(repr('a,b,,c'.replace('a', 'zz'))[:300])
except Exception as e:
    print(type(e).__name__)
vals = [2**47 - 1, b'xy', 1, -2**63]
acc = 0
for i in range(24):
    v = vals[(i // 3) % len(vals)]
    try:
        acc = acc
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
objs = [C(1), C(2.5), C('s'), C(2**63)]
for i in range(12):
    o = objs[i % len(objs)]
    try:
        print(i, o.m(), o.m(w=10**20), o.p, o.k, o == C(o.v), repr(o)[:80])
    except Exception as e:
        print(i, type(e).__name__)
    if i == 6:
        C.k = {'k': 1}
        objs[0].v = -2**47 - 1
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
