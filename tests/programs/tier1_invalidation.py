# Sites that tier 1 specializes, then sees change under it: every result must stay exact.
class P:
    def __init__(self, x):
        self.x = x
    def get(self):
        return self.x

def read_all(objs):
    return [o.get() + o.x for o in objs]

ps = [P(i) for i in range(40)]
print(sum(read_all(ps)))
# A method replaced on the class after the call site specialized.
P.get = lambda self: -self.x
print(sum(read_all(ps)))
# An instance attribute shadowing the method.
ps[3].get = lambda: 1000
print(sum(read_all(ps)))
# A property added for an attribute that was read from the slot.
class Q(P):
    pass
qs = [Q(i) for i in range(40)]
print(sum(o.x for o in qs))
Q.x = property(lambda self: 7)
print(sum(o.x for o in qs))
# Class-level counter (plain value, read live) and a class constant read through instances.
class C:
    n = 0
    k = 5
    def __init__(self):
        C.n += 1
cs = [C() for _ in range(30)]
print(C.n, sum(c.k for c in cs))
C.k = 6
print(sum(c.k for c in cs))
# Globals rebound and deleted while a site is specialized.
G = 1
def use_g():
    return G
print(sum(use_g() for _ in range(30)))
G = 2
print(sum(use_g() for _ in range(30)))
del G
try:
    use_g()
except NameError as e:
    print(e)
# Builtins shadowed by a global after specialization.
def count(xs):
    return len(xs)
print(sum(count([1, 2]) for _ in range(30)))
len = lambda xs: 99
print(count([1, 2]))
del len
print(count([1, 2]))
# Operand types changing at arithmetic, compare and subscript sites.
def add(a, b):
    return a + b
def lt(a, b):
    return a < b
def sub(c, i):
    return c[i]
for args in [(1, 2)] * 20 + [(1.5, 2), ("a", "b"), ([1], [2]), (2**60, 2**60), (10**20, 1)]:
    print(add(*args), lt(*args), end=" | ")
print()
class L(list):
    def __getitem__(self, i):
        return "sub" + str(i)
for c in [[10, 20, 30]] * 20 + [(7, 8, 9), {1: "d"}, L([1, 2]), "xyz"]:
    print(sub(c, 1), end=" ")
print()
# Unpacking sites seeing other lengths and types.
def unpack(t):
    a, b = t
    return a - b
print(sum(unpack((i, 1)) for i in range(30)), unpack([5, 3]), unpack("ab" and (9, 4)))
try:
    unpack((1, 2, 3))
except ValueError as e:
    print(e)
# Iteration sites over different iterables.
def total(it):
    s = 0
    for v in it:
        s += v
    return s
print([total(x) for x in [range(5)] * 20 + [[1, 2], (3, 4), {5: 0}, iter([6]), (i for i in range(3))]])
# Stores: attribute added in a different order (another shape) at the same site.
class S:
    pass
def fill(o, first):
    if first:
        o.a = 1
        o.b = 2
    else:
        o.b = 2
        o.a = 1
    o.c = o.a + o.b
    return o.c
print(sum(fill(S(), i % 3 != 0) for i in range(60)))
# Exceptions raised inside specialized calls.
def div(a, b):
    return a // b
out = []
for i in range(40):
    try:
        out.append(div(10, i % 5))
    except ZeroDivisionError as e:
        out.append(str(e))
print(out[:6], len(out))
