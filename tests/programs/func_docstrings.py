import functools
def f():
    "Docstring of f."
    return 1
def g():
    return 2
print(f.__doc__, g.__doc__)
@functools.wraps(f)
def h(*a):
    return f(*a)
print(h.__doc__, h.__name__, h.__wrapped__ is f)
f.__doc__ = "changed"
print(f.__doc__)
class C:
    "Class doc."
    def m(self):
        """Method doc."""
print(C.__doc__, C.m.__doc__, C().m.__doc__ if hasattr(C().m, '__doc__') else None)
