class A: pass
class B: __slots__=('x',)
a=A()
try: a.__class__=B
except TypeError as e: print(e)
try: a.__class__=int
except TypeError as e: print(e)
try: a.__class__=3
except TypeError as e: print(e)
try: (1).__class__=A
except TypeError as e: print(e)
class C(A): pass
a.__class__ = C
print(type(a).__name__, isinstance(a, A))
