# bytearray mutation: item/slice assignment, del, methods, in-place operators.

x = bytearray(b'hello')
x.append(33)
x.insert(0, 62)
print(x, x.pop(), x.pop(0), x)
x.remove(108)
print(x)
x.reverse()
print(x)
y = x.copy()
x.clear()
print(x, y, len(y))

x = bytearray(b'abcdef')
x[1:3] = b'XYZW'
print(x)
x[::2] = b'1234'
print(x)
del x[::3]
print(x)
del x[1:2]
print(x)
x[-1] = 65
print(x)
x[2:2] = [1, 2]
print(x)
x[:] = x
print(x)
x[1:] = x
print(x)
x[0] = 0x7a
del x[0]
del x[-1]
print(x)
x[1:3] = bytearray()
print(x)
x[5:1] = b'!!'
print(x)
x[::-1] = bytes(range(len(x)))
print(x)

x = bytearray(b'ab')
x += b'cd'
print(x)
x += bytearray(b'e')
print(x)
x *= 2
print(x)
y = x
y += b'!'
print(x is y, x)
z = x + b'?'
print(z, x, type(z).__name__)

x = bytearray(b'ab')
x.extend(x)
print(x)
x.extend(range(3))
print(x)
x.extend(iter([65, 66]))
print(x)
x.extend(b'')
x.extend(bytearray(b'Z'))
print(x)
x.insert(100, 65)
x.insert(-100, 66)
print(x)
print(x.pop(-2), x.pop(), x)

buf = bytearray()
for i in range(10):
    buf.append(48 + i)
print(buf, buf.decode(), buf[3:7].decode())
counts = bytearray(4)
for c in b'0123012301':
    counts[c - 48] += 1
print(list(counts))
it = iter(bytearray(b'abc'))
print(next(it))
