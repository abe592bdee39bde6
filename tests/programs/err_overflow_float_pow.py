# warm-up output before the failure
log = []
for i in range(4):
    log.append(i * i + 11)
    print("prelude", i, log)
print("prelude sum", sum(log), len(log))
x = 10.0
for e in [10, 100, 300]:
    print(e, x ** e)
print(2.0 ** 1023)
print(x ** 400)
