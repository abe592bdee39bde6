a = 7.5
b = 2.0
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(-a // b, -a % b, a // -b, a % -b)
print(2.0 ** 10, 2.0 ** -2, (-2.0) ** 3, 1.5 ** 4)
print(10 / 4, 10 / 5, -10 / 4, 1 / -8)
print(0.1 * 10, 0.1 + 0.1 + 0.1, 1 - 0.9)
print(3 * 0.5, 3 + 0.5, 3 - 0.5, 3 / 0.5, 3 // 0.5, 3 % 0.5)
x = 1.0
for i in range(10):
    x = x * 1.5 + 0.25
print(x)
x = 10.0
x += 1.5
x -= 0.25
x *= 2
x /= 3
print(x)
x //= 1
print(x)
x **= 2
print(x)
print(abs(-2.5), abs(2.5), abs(-0.0))
print(sum([0.1] * 10), sum([0.5, 0.25, 0.125]))
print(max(1.5, 2.5), min(-1.5, -2.5), max([0.1, 0.2, 0.3]))
print(1e300 * 1e10, -1e300 * 1e10, 1e-300 * 1e-300)
inf = float('inf')
print(inf + 1, inf - inf, inf * 0, -inf * -1, 1 / inf, -1 / inf)
print(inf > 1e308, -inf < -1e308, inf == inf)
print(0.0 * -1, -0.0 + 0.0, -0.0 - 0.0, -0.0 * -0.0)
