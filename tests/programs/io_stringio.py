# io.StringIO and io.BytesIO: writing, reading, seeking, lines, newline modes, print(file=).
import io

s = io.StringIO()
print(s.write('hello\n'), s.write('wörld\n'), s.tell())
print(repr(s.getvalue()))
s.seek(0)
print(repr(s.read(3)), repr(s.readline()), repr(s.readline()), repr(s.readline()))
s.seek(0)
print(s.readlines(), list(io.StringIO('a\nb\nc')), io.StringIO('l1\nl2\nl3').readlines(3))

s = io.StringIO('abc')
print(s.tell(), s.write('X'), repr(s.getvalue()), repr(s.read()))
s.seek(6)
s.write('Z')
print(repr(s.getvalue()), s.tell(), s.seek(0, 2), s.seek(0, 1), s.truncate(2), repr(s.getvalue()), s.tell())
print(s.readable(), s.writable(), s.seekable(), s.closed, s.isatty(), s.line_buffering, s.newlines)

out = io.StringIO()
print('a', 1, 2.5, None, file=out)
print('no newline', end='', file=out)
print(*['x', 'y'], sep='-', file=out)
out.writelines(['p\n', 'q\n'])
print(repr(out.getvalue()))

with io.StringIO('first\nsecond\n') as f:
    for i, line in enumerate(f):
        print(i, repr(line))
    print(f.closed)
print(f.closed)

print(io.StringIO('a\r\nb\rc\nd', newline=None).getvalue().split('\n'))
print(io.StringIO('a\r\nb\rc\nd', newline=None).readlines())
print(io.StringIO('a\r\nb\rc\nd', newline='').readlines())
print(io.StringIO('a\r\nb\rc\nd', newline='\r').readlines())
print(repr(io.StringIO('a\nb\n', newline='\r\n').getvalue()), io.StringIO('a\nb\n', newline='\r\n').readlines())
print(repr(io.StringIO(initial_value='q').read()), repr(io.StringIO(None).getvalue()), repr(io.StringIO('abc').read(-5)))
print(type(io.StringIO()), io.StringIO.__name__, io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)

b = io.BytesIO(b'abc')
print(b.read(2), b.write(b'XY'), b.getvalue(), b.readline(), b.seek(0), b.readlines())
b.seek(10)
b.write(b'!')
print(b.getvalue(), b.tell(), b.seek(-2, 2), b.read(), b.seek(-100, 1), b.truncate(3), b.getvalue())
with io.BytesIO(bytearray(b'x\ny')) as bb:
    print(list(bb))

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

c = io.StringIO('text')
show(lambda: c.write(5))
show(lambda: c.read('x'))
show(lambda: c.seek(-1))
show(lambda: c.seek(1, 1))
show(lambda: c.seek(1, 2))
show(lambda: c.seek(0, 3))
show(lambda: c.seek('a'))
show(lambda: c.truncate(-1))
show(lambda: c.foo)
show(lambda: c.fileno())
show(lambda: io.StringIO(5))
show(lambda: io.StringIO('a', 'x'))
show(lambda: io.StringIO(newline=5))
show(lambda: io.StringIO().writelines(['a', 1]))
show(lambda: io.BytesIO('x'))
show(lambda: io.BytesIO().write('s'))
show(lambda: io.BytesIO().seek(-1))
c.close()
c.close()
show(lambda: c.read())
show(lambda: c.write('x'))
show(lambda: c.getvalue())
show(lambda: c.readable())
show(lambda: next(c))
show(lambda: iter(c))
show(lambda: c.closed)
b.close()
show(lambda: b.read())
show(lambda: b.getvalue())
try:
    c.fileno()
except io.UnsupportedOperation as e:
    print('UnsupportedOperation:', e, isinstance(e, OSError), isinstance(e, ValueError))
print(io.StringIO().read())
io.StringIO('x').seek(-3)
