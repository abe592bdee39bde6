# warm-up output before the failure
log = []
for i in range(4):
    log.append(i * i + 30)
    print("prelude", i, log)
print("prelude sum", sum(log), len(log))
items = [1, 2, 3, 2]
items.remove(2)
print(items)
items.remove(2)
print(items)
items.remove(2)
print(items)
