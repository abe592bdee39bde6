# warm-up output before the failure
log = []
for i in range(4):
    log.append(i * i + 18)
    print("prelude", i, log)
print("prelude sum", sum(log), len(log))
a = 5
b = "5"
print(a + int(b), str(a) + b)
print(a * b)
print(a + b)
