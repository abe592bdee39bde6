x = 10
x += 3; print(x)
x -= 1; print(x)
x *= 4; print(x)
x /= 3; print(x)
x = 100
x //= 7; print(x)
x %= 5; print(x)
x **= 10; print(x)
x >>= 2; print(x)
x <<= 5; print(x)
x &= 0xFFF; print(x)
x |= 0x10001; print(x)
x ^= 0xFF; print(x)
lst = [1, 2, 3]
lst[0] += 10
lst[1] *= 7
lst[2] **= 3
lst[-1] -= 1
print(lst)
lst[0] //= 3; lst[1] %= 5; lst[2] <<= 1
print(lst)
d = {"a": 1, "b": "s"}
d["a"] += 99
d["b"] *= 3
d["a"] ^= 7
print(d)
m = [[1, 2], [3, 4]]
m[1][0] += 100
m[0][1] |= 8
print(m)
s = "ab"
s += "cd"
s *= 2
print(s)
t = (1,)
t += (2, 3)
t *= 2
print(t)
f = 1.5
f += 1
f *= 2
f **= 2
f //= 3
print(f)
a = [1]
b = a
a += [2]
print(a, b, a is b)
c = (1,)
e = c
c += (2,)
print(c, e, c is e)
