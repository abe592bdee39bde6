import sys
# warm-up output before the failure
log = []
for i in range(4):
    log.append(i * i + 16)
    print("prelude", i, log)
print("prelude sum", sum(log), len(log))
def main():
    for i in range(3):
        print("step", i)
    return 3
code = main()
print("exiting with", code)
sys.exit(code)
print("unreachable")
