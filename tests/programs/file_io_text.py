# open() in text mode: write, read, append, r+, x, lines, iteration, seek/tell, codecs.
import os

d = '/tmp/pyrun_test_file_io_text_%d' % os.getpid()
os.mkdir(d)
path = os.path.join(d, 'data.txt')

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', str(e).replace(d, 'DIR'))

try:
    f = open(path, 'w')
    print(f.write('héllo\nworld\n'), f.tell(), f.mode, f.encoding, f.closed, f.readable(), f.writable())
    f.writelines(['a\n', 'b\n'])
    show(lambda: f.read())
    show(lambda: f.write(5))
    f.close()
    f.close()
    print(f.closed)
    show(lambda: f.write('x'))
    show(lambda: f.read())
    show(lambda: f.readable())
    show(lambda: f.writable())

    f = open(path)
    print(repr(f.read(3)), f.tell(), repr(f.readline()), f.readlines(), repr(f.read()), repr(f.readline()))
    show(lambda: f.write('x'))
    print(f.seek(0), list(f), f.seek(0), repr(next(f)), repr(f.readline(2)), repr(f.read(-1)))
    show(lambda: f.seek(1, 1))
    show(lambda: f.seek(-1))
    show(lambda: f.seek(0, 5))
    f.close()
    show(lambda: next(f))

    with open(path, 'a') as g:
        print(g.write('more\n'), g.tell())
    with open(path) as g:
        for i, line in enumerate(g):
            print(i, repr(line))
    print(g.closed)
    with open(path, 'r+') as g:
        print(repr(g.read(2)), g.write('ZZ'), g.tell(), g.seek(0), repr(g.read()))
    with open(path, 'r+') as g:
        print(g.truncate(5), repr(g.read()))

    with open(path, 'w') as g:
        for i in range(3):
            print(i, 'squared is', i * i, file=g)
        print('done', end='!', file=g)
    print(open(path).read().splitlines())

    with open(path, 'w', newline='') as g:
        g.write('a\r\nb\rc\n')
    print(repr(open(path).read()), repr(open(path, newline='').read()))
    print(open(path, newline='').readlines(), open(path).readlines(), open(path, 'rb').read())
    with open(path, 'w', newline='\r\n') as g:
        g.write('p\nq\n')
    print(open(path, 'rb').read(), repr(open(path).read()))

    with open(path, 'w', encoding='latin-1') as g:
        g.write('café\n')
    print(open(path, 'rb').read(), repr(open(path, encoding='latin-1').read()))
    show(lambda: open(path).read())
    print(repr(open(path, errors='replace').read()), repr(open(path, errors='ignore').read()))
    with open(path, 'w', encoding='ascii', errors='xmlcharrefreplace') as g:
        g.write('naïve ☃')
    print(open(path).read())
    with open(path, 'w', encoding='ascii') as g:
        show(lambda: g.write('é'))
        g.write('ok')
    print(open(path).read())

    lines = ['line %d\n' % i for i in range(2000)]
    with open(path, 'w') as g:
        g.writelines(lines)
    with open(path) as g:
        print(len(g.readlines()), g.tell())
    with open(path) as g:
        total = 0
        for line in g:
            total += int(line.split()[1])
        print(total)
    print(os.path.getsize(path), len(open(path).read()))

    show(lambda: open(path, 'x'))
    show(lambda: open(os.path.join(d, 'missing.txt')).read().replace(d, 'DIR'))
    show(lambda: open(path, 'q'))
    show(lambda: open(path, 'rw'))
    show(lambda: open(path, 'b'))
    show(lambda: open(path, 'rbt'))
    show(lambda: open(path, 'w', encoding='nope'))
    show(lambda: open(path, newline='x'))
    show(lambda: open(5.5))
    show(lambda: open(path, 5))
    show(lambda: open(path, encoding=5))
    show(lambda: open())
    show(lambda: open(path, foo=1))
    with open(os.path.join(d, 'new.txt'), 'x') as g:
        print(g.mode, g.write('x'))
    print(sorted(os.listdir(d)))
    try:
        open(os.path.join(d, 'missing.txt'))
    except FileNotFoundError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename == os.path.join(d, 'missing.txt'))
    try:
        open(d, 'w')
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror)
finally:
    for name in os.listdir(d):
        os.remove(os.path.join(d, name))
    os.rmdir(d)
print(os.path.exists(d))
