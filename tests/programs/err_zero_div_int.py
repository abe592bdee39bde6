# warm-up output before the failure
log = []
for i in range(4):
    log.append(i * i + 34)
    print("prelude", i, log)
print("prelude sum", sum(log), len(log))
vals = [10, 5, 2, 1]
for v in vals:
    print(100 // v, 100 % v, 100 / v)
v = 0
print("about to divide by", v)
print(100 // v)
print("unreachable")
