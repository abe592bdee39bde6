# warm-up output before the failure
log = []
for i in range(4):
    log.append(i * i + 29)
    print("prelude", i, log)
print("prelude sum", sum(log), len(log))
for s in ["12", " 7 ", "-3", "0x1f"[2:]]:
    print(repr(s), int(s, 16) if s == "1f" else int(s))
print(int("  42  ") * 2)
print(int("abc"))
