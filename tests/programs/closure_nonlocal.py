def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(10), c2(), c1())

def make_adders():
    adders = []
    for i in range(4):
        adders.append(lambda x, i=i: x + i)
    return adders

print([a(10) for a in make_adders()])

def late_binding():
    fs = [lambda: i for i in range(3)]
    return [f() for f in fs]

print(late_binding())

def outer():
    x = "outer"
    def middle():
        def inner():
            return x + "!"
        return inner()
    return middle()

print(outer())
def accumulator():
    items = []
    def add(v):
        items.append(v)
        return len(items)
    def get():
        return items
    return add, get

add, get = accumulator()
add(1); add(2); add("three")
print(get())
def nested_nonlocal():
    a = 1
    def f():
        nonlocal a
        a *= 2
        def g():
            nonlocal a
            a += 3
        g()
        return a
    return f(), f(), a

print(nested_nonlocal())
