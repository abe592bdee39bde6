# warm-up output before the failure
log = []
for i in range(4):
    log.append(i * i + 5)
    print("prelude", i, log)
print("prelude sum", sum(log), len(log))
s = "hello"
print(s[0], s[4], s[-5], s[2:100])
i = len(s)
print("index", i)
print(s[i])
