# namedtuple: construction, fields, defaults, rename, methods and errors
from collections import namedtuple
P = namedtuple('Point', ['x', 'y'])
p = P(1, 2)
print(p, P, P.__name__, P.__qualname__, P.__module__, P._fields, P._field_defaults, p.x, p[1], p._asdict(), p._replace(x=5), P._make([3, 4]), len(p), p == (1, 2), hash(p) == hash((1, 2)))
Q = namedtuple('Q', 'a b c', defaults=[2, 3]); print(Q(1), Q._field_defaults, Q(1, c=9))
R = namedtuple('R', 'a, b', rename=False); print(R(b=1, a=2))
S = namedtuple('S', ['abc', 'def', 'abc', '_x'], rename=True); print(S._fields)
x, y = p; print(x, y, p + (3,), p * 2, p[:1], repr(p), str(p), sorted([P(2,1), P(1,5)]))
for t, f in [
    ('P(1)', lambda: P(1)),
    ('P(1,2,3)', lambda: P(1,2,3)),
    ('P(1, 2, x=3)', lambda: P(1, 2, x=3)),
    ('P(1, z=3)', lambda: P(1, z=3)),
    ('P(x=1)', lambda: P(x=1)),
    ("namedtuple('P', 'x x')", lambda: namedtuple('P', 'x x')),
    ("namedtuple('P', 'def')", lambda: namedtuple('P', 'def')),
    ("namedtuple('P', '1x')", lambda: namedtuple('P', '1x')),
    ("namedtuple('P', '_x')", lambda: namedtuple('P', '_x')),
    ("namedtuple('1P', 'x')", lambda: namedtuple('1P', 'x')),
    ("namedtuple('P', 'x', defaults=[1,2])", lambda: namedtuple('P', 'x', defaults=[1,2])),
    ('p._replace(z=1)', lambda: p._replace(z=1)),
    ('P._make([1])', lambda: P._make([1])),
    ("namedtuple('P', ['x', 1])", lambda: namedtuple('P', ['x', 1])),
    ('P(*[1,2])', lambda: P(*[1,2])),
    ("P(**{'x':1, 'y':2})", lambda: P(**{'x':1, 'y':2})),
    ('Q()', lambda: Q()),
    ("namedtuple('Z', '')()", lambda: namedtuple('Z', '')()),
    ("namedtuple('P', 'x y', module='m')", lambda: namedtuple('P', 'x y', module='m')),
    ('P.__match_args__', lambda: P.__match_args__),
    ('p.__getnewargs__()', lambda: p.__getnewargs__()),
    ('P(y=1, x=2)', lambda: P(y=1, x=2)),
    ('p.count(1)', lambda: p.count(1)),
    ('p.index(2)', lambda: p.index(2)),
]:
    try: print(t, '->', f())
    except Exception as e: print(t, '!!', type(e).__name__, e)
Card = namedtuple('Card', 'rank suit')
deck = [Card(r, s) for s in 'SH' for r in (2, 'K')]
print(deck, sorted(deck, key=lambda c: c.suit))
print([c.rank for c in deck if c.suit == 'H'], Card._fields, Card('A', 'S')._asdict())
Pt3 = namedtuple('Pt3', ['x', 'y', 'z'], defaults=(0,))
pts = {Pt3(1, 2), Pt3(1, 2, 0), Pt3(x=1, y=2, z=3)}
print(len(pts), Pt3(1, 2) in pts, max(Pt3(1, 2), Pt3(1, 3)), Pt3(5, 6).z)
x, y, z = Pt3(7, 8)
print(x + y + z, Pt3._make(range(3)), Pt3(1, 2)._replace(z=9, x=0))
try:
    Pt3(1, 2).x = 3
except AttributeError as e:
    print('AttributeError', e)
print(Point := namedtuple('Point', 'x y'), Point(1, 2).__class__.__name__, type(Point(1, 2)._asdict()))
