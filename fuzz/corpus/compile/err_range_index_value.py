r = range(0, 10 ** 20, 3)
print(r.index(3 * 10 ** 18), r.count(5), r.count(6))
print(r.index(10 ** 19))
