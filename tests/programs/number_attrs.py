print((5).real, (5).imag, True.real, (2**80).numerator, (7).denominator, (1.5).real, (1.5).imag)
print((-3).numerator, (0).denominator, False.imag, (2.0**70).real)
class Box:
    def __init__(self, v): self.v = v
    def get(self): return self.v
b = Box(3)
m = b.get
print(m.__self__ is b, m.__func__ is Box.get, m.__name__, m.__qualname__, m())
