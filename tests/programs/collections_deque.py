# deque: operations, maxlen, rotation, indexing, comparisons, iteration and errors
from collections import deque
d = deque([1, 2, 3]); print(d, repr(deque()), deque('ab', maxlen=3), deque(maxlen=2), deque([1,2,3,4], 2))
d.append(4); d.appendleft(0); print(d, d.pop(), d.popleft(), d, len(d), d[0], d[-1], 2 in d, d.maxlen)
d.extend([5, 6]); d.extendleft([9, 8]); print(d); d.rotate(2); print(d); d.rotate(-3); print(d); d.rotate(0); print(d)
d.remove(5); print(d, d.count(2), d.index(3), d.copy(), d == deque(d), d != deque(), list(reversed(d)))
d.reverse(); print(d); d[0] = 100; del d[1]; print(d); d.insert(1, 7); print(d); d.clear(); print(d, bool(d))
m = deque(range(5), maxlen=3); print(m); m.append(9); print(m); m.appendleft(7); print(m); m.extend([1,2]); print(m); m.extendleft([3]); print(m)
print(deque([1,2]) + deque([3]), deque([1]) * 3, deque([1,2]) < deque([1,3]), deque([[1]]))
e = deque([1,2]); e += [3]; print(e); e *= 2; print(e)
for t, f in [
    ('deque().pop()', lambda: deque().pop()),
    ('deque().popleft()', lambda: deque().popleft()),
    ('deque([1]).remove(2)', lambda: deque([1]).remove(2)),
    ('deque([1])[5]', lambda: deque([1])[5]),
    ('deque([1], maxlen=-1)', lambda: deque([1], maxlen=-1)),
    ("deque([1], maxlen='a')", lambda: deque([1], maxlen='a')),
    ('deque(1)', lambda: deque(1)),
    ('deque([1]).index(5)', lambda: deque([1]).index(5)),
    ("deque([1]).rotate('a')", lambda: deque([1]).rotate('a')),
    ('deque([1], 2, 3)', lambda: deque([1], 2, 3)),
    ('deque(x=1)', lambda: deque(x=1)),
    ('hash(deque())', lambda: hash(deque())),
    ('deque([1,2,3]).index(2, 0, 1)', lambda: deque([1,2,3]).index(2, 0, 1)),
    ('deque([1,2])[1:]', lambda: deque([1,2])[1:]),
    ("deque([1,2])['a']", lambda: deque([1,2])['a']),
    ('deque([1]).insert(0, 5)', lambda: deque([1]).insert(0, 5)),
    ('deque([1], maxlen=1).insert(0, 5)', lambda: deque([1], maxlen=1).insert(0, 5)),
    ('deque([1,2]) + [3]', lambda: deque([1,2]) + [3]),
    ('deque().maxlen', lambda: deque().maxlen),
    ('deque([1], maxlen=0)', lambda: deque([1], maxlen=0)),
    ('deque(maxlen=None)', lambda: deque(maxlen=None)),
    ('deque([1]).__copy__()', lambda: deque([1]).__copy__()),
    ('deque([1]) == [1]', lambda: deque([1]) == [1]),
    ('deque([3,1]) > deque([2])', lambda: deque([3,1]) > deque([2])),
    ('deque([1,2,3]).rotate(10) or 1', lambda: deque([1,2,3]).rotate(10) or 1),
]:
    try: print(t, '->', f())
    except Exception as e: print(t, '!!', type(e).__name__, e)
it = iter(deque([1,2])); print(next(it), type(it).__name__)
dd = deque([1,2,3]); it = iter(dd); next(it); dd.append(4)
try: next(it)
except Exception as e: print(type(e).__name__, e)
r = deque(); r.append(r); print(r)
