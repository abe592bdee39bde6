class Num:
    def __init__(self, v): self.v = v
    def __int__(self): return int(self.v)
    def __float__(self): return float(self.v)
    def __index__(self): return int(self.v)
    def __round__(self, n=None): return round(self.v, n) if n is not None else round(self.v)
    def __abs__(self): return abs(self.v)
    def __neg__(self): return Num(-self.v)
    def __repr__(self): return f"Num({self.v})"
    def __divmod__(self, o): return divmod(self.v, o)
    def __pow__(self, o): return self.v ** o
    def __call__(self, *a, **k): return ("called", a, k)
    def __contains__(self, x): return x == self.v
    def __format__(self, spec): return format(self.v, spec) + "!"
n = Num(3.7)
print(int(n), float(n), round(n), round(n, 1), abs(Num(-2)), -n, divmod(n, 2), n ** 2)
print(n(1, k=2), 3.7 in n, f"{n:.2f}", "%s" % n, str(n), [10, 20, 30, 40][Num(2)], hex(Num(255)), range(Num(3)))
print(callable(n), callable(3), vars(n), n.__dict__, n.__class__.__name__)
class D(dict):
    def __missing__(self, k):
        self[k] = len(k)
        return self[k]
d = D()
print(d["abc"], d)
class Seq:
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(Seq()), list(reversed(Seq())), 20 in Seq(), sum(Seq()))
class Counter:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 3: raise StopIteration
        return self.n
print(list(Counter()), [x for x in Counter()], dict(zip(Counter(), "abc")))
def deco(f):
    def wrapper(*a, **k):
        print("calling", f.__name__)
        return f(*a, **k)
    return wrapper
@deco
def add(a, b): return a + b
print(add(1, 2))
class Meta(type):
    def __new__(mcs, name, bases, ns):
        ns["tag"] = name.lower()
        return super().__new__(mcs, name, bases, ns)
class T(metaclass=Meta): pass
print(T.tag, type(T).__name__)
class Base:
    def __init_subclass__(cls, **kw):
        cls.registered = True
class Sub(Base): pass
print(Sub.registered)
print(getattr(n, "v"), getattr(n, "zz", "dflt"), hasattr(n, "v"), hasattr(n, "zz"))
setattr(n, "w", 5); print(n.w); delattr(n, "w"); print(hasattr(n, "w"))
class P:
    def __init__(self): self._x = 0
    @property
    def x(self): return self._x
    @x.setter
    def x(self, v): self._x = v * 2
    @x.deleter
    def x(self): print("deleting")
p = P(); p.x = 5; print(p.x); del p.x
class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B>" + super().who()
class C(A):
    def who(self): return "C>" + super().who()
class DD(B, C):
    def who(self): return "D>" + super().who()
print(DD().who(), [k.__name__ for k in DD.__mro__])
class Q:
    count = 0
    def __init__(self): Q.count += 1; self.id = Q.count
    def __eq__(self, o): return self.id == o.id
print(Q() == Q(), Q.__hash__ is None)
try:
    hash(Q())
except TypeError as e:
    print(e)
class WithStr:
    def __str__(self): return "S"
print(WithStr(), str(WithStr()), repr(WithStr())[:10])
print(type("Dyn", (object,), {"a": 1})().a)
class Stat:
    @staticmethod
    def s(): return "static"
    @classmethod
    def c(cls): return cls.__name__
print(Stat.s(), Stat().s(), Stat.c(), Stat().c())
print(isinstance(3, (str, int)), issubclass(bool, int), type(3) is int)
class Ex(Exception): pass
class Ex2(Ex):
    def __str__(self): return "custom str"
try:
    raise Ex2("x")
except Ex as e:
    print(type(e).__name__, str(e), repr(e), e.args)
raise Ex2("boom")
