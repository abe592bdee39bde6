# warm-up output before the failure
log = []
for i in range(4):
    log.append(i * i + 24)
    print("prelude", i, log)
print("prelude sum", sum(log), len(log))
vals = [1, -2.5, True]
print([-v for v in vals])
s = "text"
print(-s)
