# warm-up output before the failure
log = []
for i in range(4):
    log.append(i * i + 19)
    print("prelude", i, log)
print("prelude sum", sum(log), len(log))
def f(x):
    return x * 2

print(f(1), f("ab"), f([0]))
print(f(1, 2))
