# warm-up output before the failure
log = []
for i in range(4):
    log.append(i * i + 21)
    print("prelude", i, log)
print("prelude sum", sum(log), len(log))
def area(w, h):
    return w * h
print(area(2, 3), area(h=4, w=5))
print(area(7))
