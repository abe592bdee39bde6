x = -2**63
y = []
def f(a, b=2, *args, c=3, **kw):
    return (format(format([c, a][0], '.3f'), 'r'), len(args), sorted(kw))
try:
    print('f(x, a=1)', f(x, a=1))
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
        return ((('a')[-3:2:-1] % (7)) == ('%5d' % (format(self.k, ''),)))
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
    print("(x == ('%e' % ((+(0.1)),)))", repr((x == ('%e' % ((+(0.1)),))))[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
try:
    x = f"{y!r:>6}|{x}"; print(repr(x)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    y = format(x, 'b'); print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print(str((((1, 'a')) or ((x != (1.5)) and [(1.5), ('')][-1])))[:300])
except Exception as e:
    print(type(e).__name__)
try:
    print('[(False), ([])][0]', repr([(False), ([])][0])[:300], sep=' = ')
except Exception as e:
    print(type(e).__name__)
try:
    print(repr(y)[:300])
except Exception as e:
    print(type(e).__name__)
vals = [2**63, 2**48]
acc = 0
for i in range(35):
    v = vals[(i // 4) % len(vals)]
    try:
        acc = (format(acc, 'x') | i)
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
vals = [' x ', float('nan'), 0.1]
acc = 0
for i in range(22):
    v = vals[(i // 8) % len(vals)]
    try:
        acc = (0)
        print(i, repr(acc)[:200])
    except Exception as e:
        print(i, type(e).__name__)
        acc = i
objs = [C(1), C(2.5), C('s'), C(2**63)]
for i in range(12):
    o = objs[i % len(objs)]
    try:
        print(i, o.m(), o.m(w=0), o.p, o.k, o == C(o.v), repr(o)[:80])
    except Exception as e:
        print(i, type(e).__name__)
    if i == 6:
        C.k = float('nan')
        objs[0].v = 2.0**53
try:
    print(sorted(objs)[:2])
except Exception as e:
    print(type(e).__name__)
