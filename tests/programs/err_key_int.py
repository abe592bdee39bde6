# warm-up output before the failure
log = []
for i in range(4):
    log.append(i * i + 8)
    print("prelude", i, log)
print("prelude sum", sum(log), len(log))
squares = {i: i * i for i in range(5)}
print(squares)
del squares[2]
print(squares)
total = 0
for k in range(5):
    total += squares[k]
    print(k, total)
