# str.encode / bytes.decode with the utf-8, ascii and latin-1 codecs and error handlers.

print('héllo'.encode(), 'héllo'.encode('latin-1'), 'héllo'.encode(encoding='ascii', errors='replace'))
print('aé\u1234\U0001f600'.encode('ascii', 'backslashreplace'), 'aé\u1234'.encode('ascii', 'xmlcharrefreplace'))
print('aé\u1234\U0001f600'.encode('latin1', 'ignore'), 'aé'.encode('utf8'), 'aé'.encode('UTF-8'), 'x'.encode('us-ascii'))
print(b'\xc3\xa9'.decode(), b'\xff'.decode('latin1'), bytearray(b'\xc3\xa9x').decode('ascii', 'ignore'))
print(b'\xff\xfe'.decode('utf-8', 'replace'), b'\xff\xfe'.decode('utf-8', 'backslashreplace'), b'a\xffb'.decode('ascii', 'ignore'))
print(b'\xf0\x90\x41\xff'.decode('utf-8', 'replace'), b'a\xe9\xe9b'.decode('ascii', 'replace'))
print(str(b'abc', 'ascii'), str(b'ab\xffc', 'ascii', 'replace'), str(b'abc', encoding='utf-8'), str(bytearray(b'\xe9'), 'latin-1'))
print(b'abc'.decode('utf-8', 'no-such-handler'), 'abc'.encode('utf-8', 'no-such-handler'))
s = 'Grüße, 世界! \U0001f600'
data = s.encode()
print(len(s), len(data), data.decode() == s, data)

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

show(lambda: b'\xff'.decode())
show(lambda: b'ab\xffc'.decode('utf-8', 'foo'))
show(lambda: 'abé'.encode('ascii', 'foo'))
show(lambda: 'abc'.encode('foo'))
show(lambda: b'abc'.decode('foo'))
show(lambda: 'aéé'.encode('ascii'))
show(lambda: 'aé\u1234'.encode('latin-1'))
show(lambda: 'a\U0001f600'.encode('ascii'))
show(lambda: b'\xe4\xb8'.decode())
show(lambda: b'\xe4\x41'.decode())
show(lambda: b'\xf0\x90\x41'.decode())
show(lambda: b'\xed\xa0\x80'.decode())
show(lambda: b'\xc0\x80'.decode())
show(lambda: b'a\xe9b'.decode('ascii'))
show(lambda: b'a\xe9'.decode(1))
show(lambda: str(5, 'utf-8'))
show(lambda: str('x', 'utf-8'))
show(lambda: 'x'.encode(1))

try:
    b'abc\xff'.decode('utf-8')
except UnicodeDecodeError as e:
    print(repr(e))
    print(e.args, e.encoding, e.object, e.start, e.end, e.reason)
    print(isinstance(e, UnicodeError), isinstance(e, ValueError))
try:
    'xé'.encode('ascii')
except UnicodeError as e:
    print(repr(e), e.encoding, e.object, e.start, e.end, e.reason)
except ValueError:
    print('not reached')
print(UnicodeDecodeError('utf-8', b'\xff\xfe', 0, 2, 'bad'))
print(UnicodeEncodeError('ascii', '\u1234', 0, 1, 'ordinal not in range(128)'))
print(issubclass(UnicodeDecodeError, UnicodeError), issubclass(UnicodeEncodeError, ValueError))
b'caf\xe9'.decode()
