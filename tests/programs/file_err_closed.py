# Reading from a closed StringIO-backed loop, then from a closed file: ValueError.
import io
import os

buf = io.StringIO('one\ntwo\n')
print([line.strip() for line in buf])
path = '/tmp/pyrun_test_file_err_closed_%d.txt' % os.getpid()
with open(path, 'w') as f:
    f.write('x\n')
with open(path) as f:
    print(f.read())
os.remove(path)
print(f.closed)
f.read()
