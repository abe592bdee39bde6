c = {1, 3, 9, 33, 41, 49, 57}
c ^= {1, 100, 3}
print(c)
print(c.pop(), c)
c = {1, 3, 9, 33, 41, 49, 57}
c ^= {1, 100, 3}
c -= {33, 57}
print(c)
print(c.pop(), c)
c = {1, 3, 9, 33, 41, 49, 57}
c.pop()
print(c.pop(), c)
s = set()
for x in (200, 201, 202, 203, 204, 32, 64, 96, 128):
    s.add(x)
s.discard(32)
s.discard(96)
s.add(160)
print(s)
a = set()
for x in (88, 25, 110): a.add(x)
b = set()
for x in (768, 96, 32, 8, 488, 360, 728, 144, 112, 16, 80, 280, 184): b.add(x)
print(a, b)
a ^= b
print(a)
print(a.pop(), a.pop(), a.pop())
a.difference_update(range(0, 100, 7))
print(a)
a.symmetric_difference_update([1, 2, 3, 400])
print(a)
