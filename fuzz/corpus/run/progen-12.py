x = 0.1
y = {'k': 1}
def f(a, b=2, *args, c=3, **kw):
    return ((round(({'k': 1})) / [b[-1], (True)][-1]), len(args), sorted(kw))
try:
    print('f(x, a=1)', f(x, a=1))
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
        return [(([1, 2, 3])[2::2] % ('%s' % ((False),))), (float('nan'))][5]
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
    print("format(('%d' % ((((1, 'a')) % ([])),)), ',')", repr(format(('%d' % ((((1, 'a')) % ([])),)), ','))[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
try:
    print('y', repr(y)[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
try:
    x = f"{y!r:>6}|{x}"; print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    x = (((-1) or y) + str(y[-1])); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print("('%r' % ((0),))", repr(('%r' % ((0),)))[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
try:
    x = (+x); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    x = hash(True); print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
vals = ['a,b,,c', 2.0**53, 0.1, []]
acc = 0
for i in range(27):
    v = vals[(i // 7) % len(vals)]
    try:
        acc = (((acc ** 4) and [acc, v][1]) ^ v[-1:-1:2])
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
        C.k = -2**63
        objs[0].v = float('nan')
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
