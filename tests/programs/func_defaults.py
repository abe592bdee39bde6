def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct

print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", punct="?"))
print(greet(greeting="Yo", name="Di"))

def append_to(x, acc=[]):
    acc.append(x)
    return acc

print(append_to(1), append_to(2), append_to(3, []))

def safe_append(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc

print(safe_append(1), safe_append(2))
N = 10
def uses_default(a=N * 2):
    return a
N = 99
print(uses_default(), uses_default(5))

def many(a, b=2, c=3, d=4):
    return (a, b, c, d)

print(many(1), many(1, 20), many(1, d=40), many(1, 2, 3, 4), many(a=0, c=0))
def noreturn():
    pass
print(noreturn(), noreturn() is None)
def early(x):
    if x > 0:
        return "pos"
    elif x < 0:
        return "neg"
    return
print(early(1), early(-1), early(0))
