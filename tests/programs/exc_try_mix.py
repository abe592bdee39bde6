def f(x):
    try:
        return 10 // x
    except ZeroDivisionError as e:
        print("caught", e, type(e).__name__)
        return -1
    finally:
        print("finally", x)

print(f(2), f(0))
try:
    [][1]
except (KeyError, IndexError) as e:
    print("idx", e)
else:
    print("no")
for i in range(5):
    try:
        if i == 1: continue
        if i == 3: break
        print("body", i)
    finally:
        print("fin", i)
def g():
    try:
        raise ValueError("a")
    except ValueError:
        raise KeyError("b")
try:
    g()
except KeyError as e:
    print(repr(e), repr(e.__context__))
def gen():
    try:
        x = yield 1
        print("got", x)
        yield 2
    except RuntimeError as e:
        print("gen caught", e)
        yield 99
    finally:
        print("gen finally")
it = gen()
print(next(it))
print(it.send("hi"))
print(it.throw(RuntimeError("boom")))
it.close()
try:
    try:
        1/0
    finally:
        print("inner finally")
except ZeroDivisionError:
    print("outer caught")
try:
    raise
except RuntimeError as e:
    print(e)
def h():
    try:
        1/0
    except:
        raise
h()
