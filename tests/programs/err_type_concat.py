# warm-up output before the failure
log = []
for i in range(4):
    log.append(i * i + 20)
    print("prelude", i, log)
print("prelude sum", sum(log), len(log))
name = "count: "
print(name + str(3))
print(name * 2)
print(name + 3)
