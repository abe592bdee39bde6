# warm-up output before the failure
log = []
for i in range(4):
    log.append(i * i + 14)
    print("prelude", i, log)
print("prelude sum", sum(log), len(log))
print("this never runs")
def f():
    x = 1
      y = 2
    return x + y
