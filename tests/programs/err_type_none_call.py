# warm-up output before the failure
log = []
for i in range(4):
    log.append(i * i + 22)
    print("prelude", i, log)
print("prelude sum", sum(log), len(log))
def get_handler(name):
    handlers = {"a": lambda: "handled a"}
    return handlers.get(name)

print(get_handler("a")())
h = get_handler("b")
print("handler is", h)
print(h())
