# array.array: construction, indexing, slicing, methods, operators, bytes round trips.
from array import array
import array as array_module

print(array('d', [1.0, 2.0]), array('i'), array('b', [1, -2]), array('B', b'abc'), array('u', 'abc'))
print(array('f', [1.5, 0.1]), array('q', range(3)), array('d', range(3)), array('d', [1]), array('i', [True]))
print(array('l', [2**63 - 1]), array('Q', [2**64 - 1]), array('L', [2**64 - 1]), array('I', [2**32 - 1]))
print(array('i', b'abcd'), array('i', array('b', [1, 2])), array('d', array('i', [1, 2])), array('u', "a'b"))
print(array_module.typecodes, array.__name__, type(array('i')), array_module.ArrayType is array)
print([array(c).itemsize for c in 'bBuhHiIlLqQfd'], array('h').typecode)

a = array('i', [1, 2, 3, 4, 5])
print(a[0], a[-1], a[1:3], a[::-1], a[::2], len(a), list(a), a.tolist(), 3 in a, 3.0 in a, 'x' in a)
a[0] = 10
a[1:3] = array('i', [7, 8, 9])
print(a)
del a[0]
del a[0:2]
print(a, a[True])
a.append(6)
a.extend([7, 8])
a.extend(array('i', [9]))
a.extend(iter([10]))
print(a, a.pop(), a.pop(0), a)
a.insert(0, 100)
a.insert(-100, 101)
a.insert(100, 102)
print(a, a.index(100), a.index(100, 1), a.count(100), a.count(-5))
a.remove(100)
a.reverse()
print(a)
x = array('i', range(6))
x[1:3] = array('i')
x[::2] = array('i', [9, 9])
print(x)
x = array('i', range(6))
del x[::2]
print(x, array('i', range(10))[2:8:3])

b = array('h', [1, -2, 300])
raw = b.tobytes()
print(raw, len(raw))
c = array('h')
c.frombytes(raw)
c.fromlist([4, 5])
print(c, c == b, c.tobytes()[:6] == raw)
d = array('d', [1.0, -0.5])
d.byteswap()
d.byteswap()
print(d, d.tobytes(), array('u', 'hé').tounicode())
u = array('u', 'ab')
u.fromunicode('cd')
print(u, u[1], u.tounicode())

print(array('i', [1, 2]) == array('d', [1.0, 2.0]), array('i', [1, 2]) < array('i', [1, 3]))
print(array('d', [float('nan')]) == array('d', [float('nan')]), array('i') == [], array('b', [1]) < array('d', [0.5]))
print(array('i', [1]) + array('i', [2]), array('i', [1, 2]) * 2, 2 * array('i', [1, 2]), array('i', [1, 2]) * -1)
print(array('I', [2**32 - 1, 0]) + array('I', [7]), array('f', [1.5]) * 3, array('d', [1.5]) == array('f', [1.5]))
y = array('i', [1])
z = y
y += array('i', [2])
y *= 2
print(y, z, y is z, bool(array('i')), bool(array('i', [0])))
print(sum(array('d', [0.5, 0.25])), sorted(array('i', [3, 1, 2])), max(array('b', [3, -1])), list(reversed(array('i', [1, 2, 3]))))
print(str(array('d', [1.5, -0.0, float('inf')])), repr(array('f', [0.1])[0]), len(array('d', range(1000)) * 3))
total = array('d')
for i in range(10):
    total.append(i / 4)
print(total, sum(total), array('Q', [2**64 - 1]).tobytes(), array('i', [1, 2, 3]).__copy__())
