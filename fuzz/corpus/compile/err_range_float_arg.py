print(list(range(2, 10 ** 20, 3 * 10 ** 19)))
print(range(10 ** 20, 2.5))
