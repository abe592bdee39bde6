vals = [0, 1, -1, 9, 10, 99, 100, 2 ** 31, -(2 ** 31), 2 ** 63, 2 ** 64 - 1, 10 ** 18, 10 ** 19, -(10 ** 19)]
for v in vals:
    s = str(v)
    print(s, len(s), int(s) == v, repr(v) == s)
big = 3 ** 1000
s = str(big)
print(len(s), s[:15], s[-15:], int(s) == big)
print(str(-big)[:10], int("-" + s) == -big)
print(str(2 ** 3000)[1000:1030])
n = 0
for d in "31415926535897932384626433832795028841971693993751":
    n = n * 10 + int(d)
print(n, n % 1000000007)
print(int("1" * 100) % 9, int("9" * 60) + 1 == 10 ** 60)
print([str(10 ** k) for k in range(0, 25, 4)])
print(str(12345678901234567890)[::-1], int(str(12345678901234567890)[::-1]))
print(repr(-0), str(+0), str(-(-5)))
