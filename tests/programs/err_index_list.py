# warm-up output before the failure
log = []
for i in range(4):
    log.append(i * i + 3)
    print("prelude", i, log)
print("prelude sum", sum(log), len(log))
lst = [10, 20, 30]
print(lst[0], lst[-1], lst[-3])
for i in range(4):
    print(i, lst[i])
