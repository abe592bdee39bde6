print(pow(2, 10))
print(pow(2, 10, 1000))
print(pow(3, 200, 1000000007))
print(pow(7, 0, 13))
print(pow(5, 3, 1))
print(pow(-2, 3, 7))
print(pow(2, 3, -7))
print(pow(-2, 5, -7))
print(pow(12345678901234567890, 98765, 10 ** 9 + 9))
print(pow(2, 10 ** 18, 10 ** 9 + 7))
print(pow(3, -1, 7))
print(pow(10, -1, 17))
print(pow(2, -3, 11))
print(pow(2, 0.5) == 2 ** 0.5)
print(pow(4, 0.5))
print(pow(2, -1))
print(pow(-8, 3))
for base in range(-3, 4):
    print(base, [pow(base, e, 5) for e in range(0, 5)])
m = 1000003
acc = 1
for i in range(1, 50):
    acc = acc * pow(i, i, m) % m
print(acc)
