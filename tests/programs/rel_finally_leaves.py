# A `finally` body that itself leaves (continue/break/return) while a `return` is pending
# drops the pending return value.
def f():
    out = []
    for i in range(3):
        try:
            out.append(i)
            return out
        finally:
            continue
    return ("loop done", out)


def g():
    for i in range(5):
        try:
            return i
        finally:
            if i < 2:
                continue
            break
    return "broke"


def h():
    try:
        return "first"
    finally:
        return "second"


def k():
    total = 0
    for i in range(4):
        for j in range(3):
            try:
                try:
                    return (i, j)
                finally:
                    total += 1
                    if j < 2:
                        continue
            finally:
                if i < 3:
                    break
    return total


def w():
    class CM:
        def __enter__(self):
            return self

        def __exit__(self, *a):
            print("exit", a[0])

    for i in range(2):
        with CM():
            try:
                return i
            finally:
                continue
    return "with done"


print(f())
print(g())
print(h())
print(k())
print(w())
