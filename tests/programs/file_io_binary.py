# open() in binary mode: bytes in and out, seeking, lines; io.UnsupportedOperation.
import io
import os

d = '/tmp/pyrun_test_file_io_binary_%d' % os.getpid()
os.mkdir(d)
path = os.path.join(d, 'data.bin')

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

try:
    with open(path, 'wb') as g:
        print(g.mode, g.write(b'\x00\x01abc\n\xff'), g.write(bytearray(b'Q')), g.tell())
        show(lambda: g.write('s'))
        show(lambda: g.read())
    with open(path, 'rb') as g:
        print(g.mode, g.read(2), g.readline(), g.read(), g.tell())
        print(g.seek(-2, 2), g.read(), g.seek(1), g.seek(2, 1), g.read(1), g.tell())
        g.seek(0)
        print(list(g))
        show(lambda: g.seek(-1))
        show(lambda: g.seek(0, 7))
        show(lambda: g.write(b'x'))
        show(lambda: g.truncate())
    show(lambda: g.read())
    with open(path, 'r+b') as g:
        print(g.mode, g.read(3), g.write(b'ZZ'), g.tell(), g.seek(0), g.read())
    with open(path, 'ab') as g:
        print(g.mode, g.write(bytes(range(250, 256))))
    data = open(path, 'rb').read()
    print(len(data), data[-6:], list(data[:4]))
    table = bytes(range(256))
    with open(path, 'wb') as g:
        for i in range(100):
            g.write(table)
    with open(path, 'rb') as g:
        blob = g.read()
    print(len(blob), blob == table * 100, blob.count(b'\xff'))
    with open(path, 'wb') as g:
        g.write('πr²'.encode())
    print(open(path, encoding='utf-8').read(), open(path, 'rb').read().decode())
    try:
        open(path, 'rb').write(b'x')
    except io.UnsupportedOperation as e:
        print('UnsupportedOperation:', e)
    show(lambda: open(path, 'rb', encoding='utf-8'))
    show(lambda: open(path, 'rb', newline=''))
    show(lambda: open(path, 'wb').write(5))
finally:
    for name in os.listdir(d):
        os.remove(os.path.join(d, name))
    os.rmdir(d)
print(os.path.exists(d))
