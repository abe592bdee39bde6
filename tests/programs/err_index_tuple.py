# warm-up output before the failure
log = []
for i in range(4):
    log.append(i * i + 6)
    print("prelude", i, log)
print("prelude sum", sum(log), len(log))
t = (1, 2, 3)
print(len(t), t.count(2), t.index(3))
print(t[2], t[-1], t[1:10])
print(t[-4])
