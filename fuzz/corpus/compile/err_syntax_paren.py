# warm-up output before the failure
log = []
for i in range(4):
    log.append(i * i + 15)
    print("prelude", i, log)
print("prelude sum", sum(log), len(log))
print("this never runs")
y = [1, 2, 3]
x = (1 +
print(x)
