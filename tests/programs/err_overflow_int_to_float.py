# warm-up output before the failure
log = []
for i in range(4):
    log.append(i * i + 12)
    print("prelude", i, log)
print("prelude sum", sum(log), len(log))
big = 10 ** 300
print(float(big))
print(big * 10 / 10 ** 10)
huge = 10 ** 400
print(huge // 10 ** 390)
print(float(huge))
