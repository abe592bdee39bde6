# return/break/continue through finally and except bodies
def r1():
    try:
        return "try"
    finally:
        print("r1 finally")

def r2():
    try:
        return "try"
    finally:
        return "finally wins"

def r3():
    for i in range(3):
        try:
            try:
                if i == 1:
                    continue
                if i == 2:
                    return i * 100
            finally:
                print("inner", i)
        finally:
            print("outer", i)
    return -1

def r4():
    try:
        raise ValueError("x")
    except ValueError:
        return "from except"
    finally:
        print("r4 finally")

def r5():
    out = []
    for i in range(4):
        try:
            if i % 2:
                raise KeyError(i)
            out.append(i)
        except KeyError as e:
            out.append(("k", e.args[0]))
            if i == 3:
                break
    return out

def r6():
    while True:
        try:
            break
        finally:
            print("r6 finally")
    return "r6"

def r7(n):
    total = 0
    for i in range(n):
        try:
            if i == 5:
                raise StopIteration
            total += i
        except StopIteration:
            total += 1000
        else:
            total += 1
        finally:
            total += 10
    return total

print(r1(), r2(), r3(), r4(), r5(), r6(), r7(8))

def nested_handler():
    try:
        raise TypeError("outer")
    except TypeError as e:
        try:
            raise ValueError("inner")
        except ValueError as e2:
            print("inner caught", e2, "ctx", repr(e2.__context__))
        print("still handling", e)
    try:
        e
    except NameError as ne:
        print("NameError:", ne)

nested_handler()

def swallow():
    try:
        1 / 0
    finally:
        return "swallowed"
print(swallow())
