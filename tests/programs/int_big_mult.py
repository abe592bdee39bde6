a = 123456789 ** 7
b = 987654321 ** 5
print(a)
print(b)
print(a * b)
print(a + b, a - b, b - a)
print(a // b, a % b)
print(-a // b, -a % b)
print(a * -b, -a * -b)
c = 1
for i in range(1, 60):
    c *= (2 * i + 1)
print(c)
print(c // (10 ** 50), c % (10 ** 20))
s = 0
for i in range(100):
    s += i ** 10
print(s)
print(10 ** 100 // (10 ** 50 + 1))
print((10 ** 100 - 1) // (10 ** 50 - 1))
print(2 ** 256 - 2 ** 128 + 1)
x = 2 ** 521 - 1
print(x % 1000, x % 7, x % 1009)
print((x * x) % (10 ** 12))
print(abs(-a), abs(a) == a)
print(a > b, a < b, a == a + 0, -a < 0)
print(max(a, b) == a, min(-a, -b) == -a)
