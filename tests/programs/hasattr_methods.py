"""hasattr() on plain instances answers from the class's functions without binding them;
everything else keeps the general lookup: properties that raise AttributeError, __getattr__
and __getattribute__ hooks, instance attributes shadowing methods, classes, modules."""
import sys


class A:
    def m(self):
        return 1

    @property
    def p(self):
        raise AttributeError("no p")

    @property
    def q(self):
        return 2


class G(A):
    def __getattr__(self, name):
        if name == "dyn":
            return 3
        raise AttributeError(name)


class GA(A):
    def __getattribute__(self, name):
        if name == "m":
            raise AttributeError("hidden")
        return object.__getattribute__(self, name)


class S:
    __slots__ = ("x",)

    def f(self):
        pass


a = A()
a.m2 = 5
g = G()
ga = GA()
s = S()
names = ["m", "m2", "p", "q", "dyn", "nope", "__init__", "__class__", "f", "x"]
for obj in (a, g, ga, s):
    print(type(obj).__name__, [n for n in names if hasattr(obj, n)])
# (Dunder names on classes and modules are left out: pyrun misses `__class__` there.)
for obj in (A, sys):
    print(type(obj).__name__, [n for n in names if not n.startswith("__") and hasattr(obj, n)])
a.m = "shadow"
print(hasattr(a, "m"), a.m)
del a.m
print(hasattr(a, "m"), a.m())
s.x = 1
print(hasattr(s, "x"), hasattr(s, "f"))
try:
    hasattr(a, 1)
except TypeError as exc:
    print("TypeError:", exc)
