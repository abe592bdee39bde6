# Subclasses of bytes/bytearray, __bytes__, and print(file=...) to Python writer objects.
import io

class B(bytes):
    def shout(self):
        return self.upper() + b'!'

class BA(bytearray):
    pass

class E(bytes):
    def __new__(cls, n):
        return super().__new__(cls, b'*' * n)

b = B(b'hi')
print(b, repr(b), str(b), b.shout(), b[0], b[:1], list(b), b == b'hi', hash(b) == hash(b'hi'))
print({b'hi': 1}[b], isinstance(b, bytes), type(b) is B, B(), B(3), B('x', 'ascii'), B([65]))
x = BA(b'ab')
x.append(67)
x += b'D'
x[0] = 97
print(x, len(x), x.decode(), BA(), BA(2), BA('é', 'utf-8'), isinstance(x, bytearray))
print(E(3), type(E(3)).__name__)

class S:
    def __bytes__(self):
        return b'custom'

print(bytes(S()), b'<%s>' % S())
try:
    bytearray(S())
except TypeError as e:
    print('TypeError:', e)

class Writer:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        self.parts.append('FLUSH')

w = Writer()
print('a', 'b', file=w)
print('x', end='', file=w)
print(file=w)
print(1, 2.5, None, sep='', file=w, flush=True)
print(w.parts)
buf = io.StringIO()
for i in range(3):
    print(i, i * i, sep=':', file=buf)
print(repr(buf.getvalue()))
try:
    print('x', file=5)
except AttributeError as e:
    print('AttributeError:', e)
