for a in range(1, 13):
    print(a, 1 / a, a / 3, a / 7, a / 8)
print(22 / 7, 355 / 113, 1 / 998001)
print(2 / 3 * 3, 1 / 3 + 1 / 3 + 1 / 3, 1 / 10 + 2 / 10)
print(100 / 8, 99 / 9, 1000000 / 3, 1 / 1024)
print(-1 / 3, -2 / 3, 5 / -2, -5 / -2)
print(10 ** 17 / 3, 10 ** 18 / 7, 2 ** 64 / 3)
print(7 / 2 / 2, 7 / (2 / 2), 1 / 3 * 3 == 1.0, 0.1 / 3)
print(2 ** 60 / 2 ** 30, 1e10 / 1e-10, 3 / 1e300, 1 / 2 ** 70)
quotients = [n / 10 for n in range(0, 11)]
print(quotients)
print([round(q * 3, 2) for q in quotients])
