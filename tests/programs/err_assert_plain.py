# warm-up output before the failure
log = []
for i in range(4):
    log.append(i * i + 1)
    print("prelude", i, log)
print("prelude sum", sum(log), len(log))
def check(n):
    assert n >= 0
    return n * 2
print(check(1), check(0))
assert True
assert 1 == 1, "never shown"
print(check(-1))
