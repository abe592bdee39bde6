a = 17
b = 5
print(a + b, a - b, a * b, a / b)
print(a // b, a % b, a ** b)
print(-a // b, -a % b, a // -b, a % -b, -a // -b, -a % -b)
print(0 // 5, 0 % 5, 5 // 1, 5 % 1)
print(7 // 7, 7 % 7, 1 // 7, 1 % 7)
print(-1 // 7, -1 % 7, 1 // -7, 1 % -7)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5))
print(divmod(0, 3), divmod(3, 3), divmod(-3, 3))
x = 100
x += 5
print(x)
x -= 10
print(x)
x *= 3
print(x)
x //= 4
print(x)
x %= 13
print(x)
x **= 3
print(x)
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, (2 ** 3) ** 2)
print(-2 ** 2, (-2) ** 2, -(2 ** 3))
print(+5, -(-5), --5, -+-5)
print(10 - 3 - 2, 100 // 10 // 3, 2 * 3 % 4)
print(abs(-42), abs(42), abs(0))
print(1 / 1, 6 / 3, 7 / 2, -7 / 2, 1 / 4)
print(int(7 / 2), int(-7 / 2))
print(max(3, 9, 2), min(3, 9, 2), sum([1, 2, 3, 4]))
