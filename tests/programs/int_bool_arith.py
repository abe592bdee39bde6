print(True + True + True, True * 7, True - False, -True, +False, ~False)
print(True // 1, True % 2, True ** 10, 2 ** True, 10 / True, True / 4)
print(sum([True, False, True]), sum(x > 2 for x in range(6)), max(True, False))
print(True == 1, False == 0, True != 0, True > False)
print(str(True), repr(False), str(True + 0), bool(2), bool(-0), int(True) is not True)
print(True and 5, False or 7, not True, not False, True & True, True | False, True ^ False)
print(type(True + 1), type(True & False), type(True & 1), type(not 1))
print(isinstance(True, int), isinstance(1, bool), [1, 0][True], "ab"[False])
counts = [0, 0]
for v in [True, False, True, True]:
    counts[v] += 1
print(counts)
print({True: "yes", False: "no"}[3 > 2], {1: "one"}[True])
print(divmod(True, True), pow(True, 5), abs(-True), hash(True), hash(False))
print(round(True), float(False), int("1") == True, True + 0.5)
