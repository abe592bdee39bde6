class A:
  x=1
  @property
  def p(self): raise AttributeError("inner")
class B:
  def __getattr__(self, n): return n*2
import sys
print(hasattr(A(),"x"), hasattr(A(),"y"), hasattr(A(),"p"), getattr(A(),"p",5), hasattr(B(),"zz"), getattr(B(),"q",0), getattr(sys,"nope",3), hasattr(A,"x"), hasattr(5,"real"))
try:
  hasattr(1,5)
except TypeError as e: print(e)
