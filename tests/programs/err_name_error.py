# warm-up output before the failure
log = []
for i in range(4):
    log.append(i * i + 9)
    print("prelude", i, log)
print("prelude sum", sum(log), len(log))
x = 10
def show():
    print("x is", x)
show()
print(x + 1)
print(foo)
