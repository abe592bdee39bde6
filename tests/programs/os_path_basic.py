# The small os module: os.path string functions, directory and file management.
import os

print(os.sep, repr(os.linesep), os.name, os.curdir, os.pardir)
print(os.path.join('a', 'b', '/c', 'd/', 'e'), os.path.join('a'), os.path.join('a', ''), os.path.join('', 'b'))
print(os.path.basename('/a/b.txt'), os.path.dirname('/a/b.txt'), os.path.dirname('//x'), os.path.dirname('x'))
print(os.path.split('a/b/'), os.path.split('/'), os.path.split('name'))
print(os.path.splitext('a/.b'), os.path.splitext('a/b.c.d'), os.path.splitext('a.b/c'), os.path.splitext('..x'))
print(os.path.exists(5), os.path.exists('/tmp'), os.path.isdir('/tmp'), os.path.isfile('/tmp'))
print(os.getcwd() == os.getcwd(), os.getpid() > 0)

d = '/tmp/pyrun_test_os_path_basic_%d' % os.getpid()
os.makedirs(os.path.join(d, 'sub'))
os.makedirs(d, exist_ok=True)
with open(os.path.join(d, 'f.txt'), 'w') as f:
    f.write('hello')
print(sorted(os.listdir(d)), os.path.getsize(os.path.join(d, 'f.txt')), os.path.isfile(os.path.join(d, 'f.txt')))
for call in (lambda: os.rmdir(d), lambda: os.mkdir(d), lambda: os.remove(os.path.join(d, 'nope')),
             lambda: os.makedirs(d), lambda: os.mkdir(5.5), lambda: os.path.join(1),
             lambda: os.rename(os.path.join(d, 'x'), os.path.join(d, 'y'))):
    try:
        call()
    except (OSError, TypeError) as e:
        print(type(e).__name__, str(e).replace(d, 'DIR'))
os.rename(os.path.join(d, 'f.txt'), os.path.join(d, 'g.txt'))
print(sorted(os.listdir(d)))
os.unlink(os.path.join(d, 'g.txt'))
os.rmdir(os.path.join(d, 'sub'))
os.rmdir(d)
print(os.path.exists(d))
