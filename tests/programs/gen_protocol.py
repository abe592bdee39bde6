def counter():
    n = 0
    while True:
        cmd = yield n
        if cmd == "reset":
            n = 0
        elif cmd is not None:
            n += cmd
        else:
            n += 1

c = counter()
print(next(c), next(c), c.send(10), c.send("reset"), next(c))
c.close()
try:
    next(c)
except StopIteration:
    print("closed generator stops")

def with_return():
    yield 1
    return "result"
g = with_return()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value if hasattr(e, "value") else e.args)

def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("caught in gen:", e)
g = catcher()
next(g)
print(g.throw(ValueError("v1")))
print(g.throw(ValueError, "v2"))
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))

def closer():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup on close")
g = closer()
next(g)
g.close()
g.close()

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
g = stubborn()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)

def fresh():
    yield 1
try:
    fresh().send(5)
except TypeError as e:
    print(e)

def bad():
    raise StopIteration("x")
    yield
try:
    next(bad())
except RuntimeError as e:
    print("RuntimeError:", e, "cause", repr(e.__cause__))

def inner():
    x = yield "i1"
    print("inner got", x)
    try:
        yield "i2"
    except KeyError:
        print("inner caught KeyError")
        yield "i3"
    return "inner done"

def outer():
    r = yield from inner()
    print("outer got", r)
    yield from range(3)
    yield from (c * 2 for c in "ab")

g = outer()
print(next(g), g.send("sent!"), g.throw(KeyError), list(g))

def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], (3,), "xy", {"k": 1})))

def gen_close_inner():
    try:
        yield 1
    finally:
        print("inner closed")
def gen_close_outer():
    yield from gen_close_inner()
g = gen_close_outer()
next(g)
g.close()
print(sum(x * x for x in range(10)), max((len(w), w) for w in "a bb ccc".split()))
