# copy.copy / copy.deepcopy: containers, shared references, cycles, memo, instances, hooks, stdlib types
import copy
a = [1, [2, 3], {'k': [4]}]
b = copy.copy(a); c = copy.deepcopy(a)
print(b == a, b is a, b[1] is a[1], c[1] is a[1], c[2]['k'] is a[2]['k'])
t = (1, 2, (3, 4)); print(copy.copy(t) is t, copy.deepcopy(t) is t)
t2 = (1, [2]); d2 = copy.deepcopy(t2); print(d2 == t2, d2 is t2, d2[1] is t2[1])
s = {1, 2}; print(copy.copy(s) is s, copy.deepcopy(s) == s, copy.deepcopy(frozenset([1])) == frozenset([1]))
cyc = [1]; cyc.append(cyc); cc = copy.deepcopy(cyc); print(cc[1] is cc, cc is not cyc)
sh = [1]; x = [sh, sh]; y = copy.deepcopy(x); print(y[0] is y[1], y[0] is not sh)
memo = {}; copy.deepcopy([[1], 2], memo); print(len(memo))
class P:
    def __init__(self, x): self.x = x; self.l = [x]
    def __repr__(self): return f'P({self.x}, {self.l})'
p = P(1); q = copy.copy(p); r = copy.deepcopy(p); print(q, r, q.l is p.l, r.l is p.l, type(r) is P)
class Q:
    def __init__(self): self.v = 1
    def __copy__(self): print('copy hook'); return 'copied'
    def __deepcopy__(self, memo): print('deepcopy hook', type(memo)); return 'deep'
print(copy.copy(Q()), copy.deepcopy(Q()), copy.deepcopy([Q()]))
class S:
    def __init__(self): self.a = 1
    def __getstate__(self): return {'a': 99}
    def __setstate__(self, st): print('setstate', st); self.__dict__.update(st)
print(copy.copy(S()).a, copy.deepcopy(S()).a)
for t, f in [
    ('copy.deepcopy((x for x in []))', lambda: copy.deepcopy((x for x in []))),
    ('copy.copy(copy)', lambda: copy.copy(copy)),
    ('copy.deepcopy(len) is len', lambda: copy.deepcopy(len) is len),
    ('copy.copy(int) is int', lambda: copy.copy(int) is int),
    ('copy.deepcopy(lambda: 1) is not None', lambda: copy.deepcopy(lambda: 1) is not None),
    ('copy.copy(range(3))', lambda: copy.copy(range(3))),
    ("copy.deepcopy({'a': (1, [2])})", lambda: copy.deepcopy({'a': (1, [2])})),
    ('copy.copy(None)', lambda: copy.copy(None)),
    ('copy.deepcopy(1.5)', lambda: copy.deepcopy(1.5)),
]:
    try: print(t, '->', f())
    except Exception as e: print(t, '!!', type(e).__name__, e)
class L(list): pass
l = L([1, [2]]); ll = copy.deepcopy(l); print(type(ll), ll, ll[1] is l[1])
class Sl:
    __slots__ = ('a', 'b')
    def __init__(self): self.a = [1]
sl = copy.deepcopy(Sl()); print(sl.a, hasattr(sl, 'b'))
from collections import namedtuple, Counter, OrderedDict, deque
from functools import partial, lru_cache
Pt = namedtuple('Pt', 'x y')
p = Pt(1, [2]); pc = copy.copy(p); pd = copy.deepcopy(p)
print(pc, pc is p, pc.y is p.y, pd, pd.y is p.y, type(pd))
c = Counter('aab'); print(copy.copy(c), copy.deepcopy(c), type(copy.copy(c)))
o = OrderedDict(b=[1], a=2); oc = copy.deepcopy(o); print(oc, oc['b'] is o['b'], type(oc))
dq = deque([[1], [2]], maxlen=5); dc = copy.copy(dq); dd = copy.deepcopy(dq); print(dc, dd, dc[0] is dq[0], dd[0] is dq[0])
pp = partial(max, [1], key=len); pc2 = copy.copy(pp); print(pc2.func is max, pc2.args, pc2.args[0] is pp.args[0], copy.deepcopy(pp).args[0] is pp.args[0])
@lru_cache
def fn(x): return x
print(copy.copy(fn) is fn, copy.deepcopy(fn) is fn)
class Node:
    def __init__(self, v): self.v = v; self.next = None
a = Node(1); b = Node(2); a.next = b; b.next = a
a2 = copy.deepcopy(a); print(a2.v, a2.next.v, a2.next.next is a2, a2 is not a)
class Tree:
    def __init__(self, kids): self.kids = kids
t = Tree([Tree([]), Tree([])]); shared = [0]; t.kids[0].s = shared; t.kids[1].s = shared
t2 = copy.deepcopy(t); print(t2.kids[0].s is t2.kids[1].s, t2.kids[0].s is not shared)
grid = [[0] * 3 for _ in range(3)]; g2 = copy.deepcopy(grid); g2[0][0] = 9; print(grid[0][0], g2)
memo = {}; x = [1]; y = copy.deepcopy([x, x], memo); print(len(memo), memo[id(x)] is y[0])
class WithSlots:
    __slots__ = ('a', 'b')
w = WithSlots(); w.a = [1]; w.b = 2; w2 = copy.deepcopy(w); print(w2.a, w2.b, w2.a is w.a)
class NewArgs:
    def __new__(cls, n):
        o = super().__new__(cls); o.n = n; return o
    def __getnewargs__(self): return (self.n,)
na = copy.copy(NewArgs(5)); print(na.n)
print(copy.Error.__name__, issubclass(copy.Error, Exception), copy.error is copy.Error)
for t, f in [("copy()", lambda: copy.copy()), ("copy(1, 2)", lambda: copy.copy(1, 2)), ("deepcopy(x=1)", lambda: copy.deepcopy(x=1)), ("copy(y=1)", lambda: copy.copy(y=1)), ("deepcopy(1,2,3,4)", lambda: copy.deepcopy(1,2,3,4))]:
    try: print(t, '->', f())
    except Exception as e: print(t, '!!', type(e).__name__, e)
