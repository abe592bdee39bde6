# warm-up output before the failure
log = []
for i in range(4):
    log.append(i * i + 4)
    print("prelude", i, log)
print("prelude sum", sum(log), len(log))
stack = [1, 2]
print(stack.pop(), stack)
print(stack.pop(), stack)
print(stack.pop())
