# warm-up output before the failure
log = []
for i in range(4):
    log.append(i * i + 36)
    print("prelude", i, log)
print("prelude sum", sum(log), len(log))
total = 0
for i in range(3, -1, -1):
    print("i =", i)
    total += 12 / i
    print("total", total)
