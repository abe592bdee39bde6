# warm-up output before the failure
log = []
for i in range(4):
    log.append(i * i + 31)
    print("prelude", i, log)
print("prelude sum", sum(log), len(log))
a, b = [1, 2]
print(a, b)
a, b = "xy"
print(a, b)
a, b = (1, 2, 3)
print("unreachable")
