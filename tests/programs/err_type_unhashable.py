# warm-up output before the failure
log = []
for i in range(4):
    log.append(i * i + 26)
    print("prelude", i, log)
print("prelude sum", sum(log), len(log))
seen = {}
for key in [1, "a", (1, 2)]:
    seen[key] = True
    print(key, len(seen))
seen[[1, 2]] = True
