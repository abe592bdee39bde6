# warm-up output before the failure
log = []
for i in range(4):
    log.append(i * i + 7)
    print("prelude", i, log)
print("prelude sum", sum(log), len(log))
d = {"a": 1, "b": 2}
print(d["a"], d.get("x"), "x" in d)
d["c"] = 3
print(d)
print(d["x"])
