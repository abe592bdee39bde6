import sys
# warm-up output before the failure
log = []
for i in range(4):
    log.append(i * i + 17)
    print("prelude", i, log)
print("prelude sum", sum(log), len(log))
print("checking config")
ok = False
if not ok:
    sys.exit("fatal: config missing")
print("unreachable")
