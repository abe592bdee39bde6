counter = 0
names = []

def bump():
    global counter
    counter += 1
    return counter

def record(n):
    names.append(n)

for i in range(5):
    bump()
    record(i * i)
print(counter, names)

def read_only():
    return counter * 2

print(read_only())

def set_new_global():
    global created
    created = "I exist now"

set_new_global()
print(created)

x = "global x"
def shadow():
    x = "local x"
    return x
print(shadow(), x)

def reassign_list():
    global names
    names = ["reset"]
reassign_list()
print(names)

total = 0
def add_all(*vals):
    global total
    for v in vals:
        total += v
    return total
print(add_all(1, 2, 3), add_all(10), total)
