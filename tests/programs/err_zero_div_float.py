# warm-up output before the failure
log = []
for i in range(4):
    log.append(i * i + 33)
    print("prelude", i, log)
print("prelude sum", sum(log), len(log))
x = 1.5
print(x / 0.5, x / 3, x // 0.5)
y = 0.0
print("y is", y, -y)
print(x / y)
