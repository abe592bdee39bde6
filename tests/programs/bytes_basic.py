# bytes / bytearray: literals, repr, indexing, slicing, iteration, operators, hashing.

print(b'hello', b'', b"x", rb'\n\x00', Rb'a\\b', br'\'', b'a' b'b' b'c')
print(b'\x00\x01\\\'"', b"it's", b'say "x"', b'both \' "')
print(b'\t\n\r\x7f\x80\xff \x1f ~')
print(bytearray(), bytearray(b"'"), bytearray(b'"'), bytearray(b'\'"'), bytes(), b'')
print(repr(b'abc'), str(b'abc'), ascii(bytearray(b'\xff')))
print(f'{b"q"!r} {b"q"} {bytearray(b"z")}', '%s|%r' % (b'x', bytearray(b'y')))
print(type(b''), type(bytearray()), bytes, bytearray)

b = b'hello'
print(b[0], b[-1], b[1:3], b[::-1], b[10:], b[:0], b[-3:], b[::2])
print(list(b), tuple(b), len(b), len(b''), bool(b), bool(b''))
for c in b'ab':
    print(c, end=' ')
for c in bytearray(b'cd'):
    print(c, end=' ')
print()
print(list(reversed(b'abc')), sorted(b'cab'), max(bytearray(b'cab')), sum(b'\x01\x02'))
print([c for c in b'hi'], list(map(hex, b'\x01\xab')), any(b'\x00'), all(bytearray(b'\x01')))
print(list(enumerate(b'ab')), list(zip(b'ab', bytearray(b'cd'))))
ba = bytearray(b'abcdef')
print(ba[1], ba[-2], ba[1:5:2], ba[::-1], type(ba[1:3]).__name__)

print(b'ab' + b'cd', b'ab' + bytearray(b'cd'), bytearray(b'ab') + b'cd', b'' + b'')
print(b'ab' * 3, 3 * b'ab', bytearray(b'ab') * 2, b'ab' * -1, b'ab' * True, bytearray() * 5)
print(b'a' in b'abc', 98 in b'abc', b'' in b'', 255 in bytearray(b'\xff'))
print(b'bc' in bytearray(b'abc'), b'cb' in b'abc', bytearray(b'b') in b'abc')

print(b'abc' == b'abc', b'abc' != b'abd', b'a' < b'b', b'a' <= b'a', b'b' > b'a')
print(b'ab' >= b'abc', bytearray(b'x') == b'x', b'x' == 'x', b'' == bytearray())
print(b'a' < b'ab' < b'b', bytearray(b'abc') < b'abd', b'\xff' > b'\x00\xff')
print(sorted([b'b', b'a', b'ab', b'', b'B']))

d = {b'a': 1, b'b': 2}
print(d[b'a'], b'b' in d, d.get(bytes(bytearray(b'a')), 'no'), d)
s = {b'x', b'x', b'y'}
print(len(s), b'x' in s, b'z' in s)
print(hash(b'abc') == hash(b'abc'), hash(b'') == hash(bytes()))
print(b'abc' in {b'abc': 0}, {b'k': b'v'}.get(b'k'))

x = b'ab'
y = x
x += b'c'
print(x, y, x is y)

print(isinstance(b'', bytes), isinstance(bytearray(), bytearray), isinstance(b'', bytearray))
print(bytes(3), bytes([65, 66]), bytes(range(3)), bytes(b'abc'), bytes(bytearray(b'abc')))
print(bytes('hé', 'utf-8'), bytes('hé', 'ascii', 'ignore'), bytes(source=b'a'), bytes(True))
print(bytearray(3), bytearray([65, 66]), bytearray('hé', 'utf-8'), bytearray(b'x'))
print(bytearray(range(65, 68)), bytearray(iter([1, 2])), bytes(x for x in range(3)))
print(b'abc'.decode().upper(), 'x'.encode() + b'y', bytes(3) + bytearray(1))
