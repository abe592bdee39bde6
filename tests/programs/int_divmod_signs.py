vals = [-7, -6, -1, 0, 1, 6, 7]
divs = [-3, -1, 1, 3]
for a in vals:
    row = []
    for d in divs:
        row.append((a // d, a % d))
    print(a, row)
for a in vals:
    print(a, [divmod(a, d) for d in divs])
print(divmod(10 ** 30 + 7, -(10 ** 15)))
print(divmod(-(10 ** 30) - 7, 10 ** 15))
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7.5, -2))
print(7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2)
print(7 % 2.5, -7 % 2.5, 7 // 2.5, -7 // 2.5)
print(5 % -0.5, 1.0 % 1, -1.0 % 1)
for a in vals:
    q, r = divmod(a, 4)
    assert q * 4 + r == a
    print(a, q, r, q * 4 + r == a)
