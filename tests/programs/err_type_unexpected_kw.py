# warm-up output before the failure
log = []
for i in range(4):
    log.append(i * i + 25)
    print("prelude", i, log)
print("prelude sum", sum(log), len(log))
def greet(name, greeting="hi"):
    return greeting + " " + name
print(greet("a"), greet("b", greeting="yo"))
print(greet("c", salutation="hey"))
