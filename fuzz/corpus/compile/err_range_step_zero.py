print(range(10 ** 20, 0, -10 ** 19))
print(range(10 ** 20, 0, 0))
