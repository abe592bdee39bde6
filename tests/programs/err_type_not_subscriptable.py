# warm-up output before the failure
log = []
for i in range(4):
    log.append(i * i + 23)
    print("prelude", i, log)
print("prelude sum", sum(log), len(log))
data = [1, [2, 3], 4]
print(data[1:], data[-1])
print(data[1][0], data[1][1])
print(data[0][0])
