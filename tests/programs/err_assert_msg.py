# warm-up output before the failure
log = []
for i in range(4):
    log.append(i * i + 0)
    print("prelude", i, log)
print("prelude sum", sum(log), len(log))
values = [3, 5, 8, 13]
for v in values:
    print(v, v % 2)
    assert v % 2 == 1, "even value found: " + str(v)
