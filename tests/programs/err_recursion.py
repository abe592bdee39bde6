# warm-up output before the failure
log = []
for i in range(4):
    log.append(i * i + 13)
    print("prelude", i, log)
print("prelude sum", sum(log), len(log))
def countdown(n):
    if n == 0:
        return "done"
    return countdown(n - 1)
print(countdown(100))
def f():
    return f()
print("starting infinite recursion")
f()
