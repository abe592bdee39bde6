# warm-up output before the failure
log = []
for i in range(4):
    log.append(i * i + 27)
    print("prelude", i, log)
print("prelude sum", sum(log), len(log))
x = 1
def ok():
    return x + 1
print(ok())
def bad():
    print("in bad")
    x += 1
    return x
bad()
