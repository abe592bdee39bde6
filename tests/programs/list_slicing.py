a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[::2], a[::-1], a[8:2:-2], a[-1:-4:-1])
print(a[100:], a[-100:2], a[5:5], a[::-3], a[1:-1:3])
b = a[:]
b[2:5] = ["x", "y"]
print(b)
b[0:0] = [100, 200]
print(b)
b[-1:] = []
print(b)
b[:] = [1, 2, 3]
print(b)
b[1:1] = "abc"
print(b)
c = list(range(10))
c[::2] = ["e"] * 5
print(c)
c[1::2] = [-1, -2, -3, -4, -5]
print(c)
c[::-3] = [0, 0, 0, 0]
print(c)
d = list(range(10))
del d[2:4]
print(d)
del d[::2]
print(d)
del d[-1]
print(d)
del d[:]
print(d, len(d))
e = [1, 2, 3, 4, 5]
e[1:4] = range(3)
print(e)
e[len(e):] = [9, 9]
print(e)
e[-2:] = [[7, 8]]
print(e, e[-1][1])
t = (0, 1, 2, 3, 4, 5)
print(t[1:4], t[::-1], t[::2], t[-2:], t[4:1:-1])
print(list(range(20))[3:17:4], list(range(20))[17:3:-4])
