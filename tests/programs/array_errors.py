# array.array error messages: typecodes, item conversion, indexing, operators, methods.
from array import array

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

def setitem(x, i, v):
    x[i] = v

def delitem(x, i):
    del x[i]

def iadd(x, y):
    x += y
    return x

show(lambda: array('z'))
show(lambda: array('bb'))
show(lambda: array(5))
show(lambda: array())
show(lambda: array('i', [1], 3))
show(lambda: array('i', typecode='i'))
for tc, values in [('b', [128, -129, 10**30]), ('B', [-1, 256]), ('h', [40000, -2**15 - 1]),
                   ('H', [-1, 70000]), ('i', [2**31, -2**31 - 1, 10**30]), ('I', [-1, 2**32, 10**30]),
                   ('l', [2**63, -2**63 - 1]), ('L', [-1, 2**64, -10**30]), ('q', [2**63, -2**63 - 1]),
                   ('Q', [-1, 2**64])]:
    for v in values:
        show(lambda: array(tc, [v]))
show(lambda: array('i', [1.5]))
show(lambda: array('i', ['a']))
show(lambda: array('d', ['a']))
show(lambda: array('d', [10**400]))
show(lambda: array('f', [1e300]))
show(lambda: array('i', 'abc'))
show(lambda: array('i', 5))
show(lambda: array('i', array('d', [1, 2])))
show(lambda: array('u', [1]))
show(lambda: array('u', ['ab']))
show(lambda: array('i', array('u', 'a')))
a = array('i', [1, 2, 3])
show(lambda: a[5])
show(lambda: a['x'])
show(lambda: a[1.0])
show(lambda: a[10**30])
show(lambda: setitem(a, 0, 2**40))
show(lambda: setitem(a, 0, 1.5))
show(lambda: setitem(a, 9, 1))
show(lambda: setitem(a, slice(0, 2), [1]))
show(lambda: setitem(a, slice(0, 2), array('d', [1.0])))
show(lambda: setitem(a, slice(None, None, 2), array('i', [0])))
show(lambda: delitem(a, 100))
show(lambda: a.append('x'))
show(lambda: a.append())
show(lambda: a.extend(array('d', [1.0])))
show(lambda: a.extend(5))
show(lambda: a.pop(100))
show(lambda: a.pop('x'))
show(lambda: array('i').pop())
show(lambda: a.insert(0))
show(lambda: a.index(999))
show(lambda: a.index())
show(lambda: a.index(1, 'x'))
show(lambda: a.remove(999))
show(lambda: a.frombytes(b'\x01'))
show(lambda: a.frombytes('ab'))
show(lambda: a.fromlist(5))
show(lambda: a.fromlist([3, 'x']))
show(lambda: a.tounicode())
show(lambda: a.fromunicode('x'))
show(lambda: array('u', 'x').fromunicode(5))
show(lambda: a + array('d', [2]))
show(lambda: a + [2])
show(lambda: [2] + a)
show(lambda: iadd(a, [2]))
show(lambda: iadd(a, array('b')))
show(lambda: a * 2.0)
show(lambda: 2.0 * a)
show(lambda: a * (2**70))
show(lambda: a < [2])
show(lambda: hash(a))
show(lambda: {a: 1})
show(lambda: a.foo)
print(a)
