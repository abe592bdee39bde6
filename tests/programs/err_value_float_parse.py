# warm-up output before the failure
log = []
for i in range(4):
    log.append(i * i + 28)
    print("prelude", i, log)
print("prelude sum", sum(log), len(log))
for s in ["1.5", " -2 ", "1e3", "inf"]:
    print(repr(s), float(s))
print(float(" 2.5 ") + 1)
print(float("1.2.3"))
