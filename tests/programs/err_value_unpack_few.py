# warm-up output before the failure
log = []
for i in range(4):
    log.append(i * i + 32)
    print("prelude", i, log)
print("prelude sum", sum(log), len(log))
p, q, r = range(3)
print(p, q, r)
first, *rest = [9]
print(first, rest)
x, y, z = [1, 2]
