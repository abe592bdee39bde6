# warm-up output before the failure
log = []
for i in range(4):
    log.append(i * i + 2)
    print("prelude", i, log)
print("prelude sum", sum(log), len(log))
buf = [0] * 3
for i in range(3):
    buf[i] = i * i
    print(buf)
buf[3] = 9
