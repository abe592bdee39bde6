# Traces must notice when what they assumed changes while they run: globals rebound or
# added, builtins shadowed, methods replaced, instances changing class or shape, lists
# changing length, ints overflowing into big ints, errors raised inside inlined calls.

def helper(x):
    return x + 1

def rebind_global(n):
    global helper
    total = 0
    for i in range(n):
        total += helper(i)
        if i == n // 2:
            helper = lambda x: x * 100
    return total

G = 5
def read_global(n):
    global G
    t = 0
    for i in range(n):
        t += G
        if i == 30:
            G = 7            # rebinding keeps the dict's version
        if i == 60:
            globals()["NEW_NAME"] = 1   # adding a key changes it
    return t

def shadow_builtin(n):
    t = 0
    for i in range(n):
        t += len("abc")
        if i == 40:
            globals()["len"] = lambda s: 1000
    del globals()["len"]
    return t

class A:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v

class B(A):
    def get(self):
        return -self.v

def replace_method(n):
    a = A(2)
    t = 0
    for i in range(n):
        t += a.get()
        if i == 50:
            A.get = lambda self: self.v * 1000
    return t

def change_class(n):
    a = A(3)
    t = 0
    for i in range(n):
        t += a.get() + a.v
        if i == 20:
            a.__class__ = B
    return t

def change_shape(n):
    a = A(1)
    t = 0
    for i in range(n):
        t += a.v
        if i == 25:
            a.w = 9
        if i == 45:
            del a.w
    return t

def shrinking_list(n):
    xs = list(range(n))
    t = 0
    i = 0
    while i < len(xs):
        t += xs[i]
        if i == 10:
            del xs[-20:]
        i += 1
    return t

def overflow(n):
    x = 1
    for i in range(n):
        x = x * 3 + i
    return x

def float_div(n):
    out = []
    for i in range(n):
        try:
            out.append(1.0 / (i - n + 3))
        except ZeroDivisionError as e:
            out.append(str(e))
    return out

def inner_fail(x):
    return 10 // x

def raise_in_inlined(n):
    t = 0
    for i in range(n, -1, -1):
        t += inner_fail(i)
    return t

def deep(k):
    if k == 0:
        return 0
    return deep(k - 1) + 1

def recursion_in_loop(n):
    t = 0
    for i in range(n):
        t += deep(i % 4)
    return t

def unbound(n):
    t = 0
    for i in range(n):
        v = i
        t += v
        if i == n - 2:
            del v
    return t

def types_change(xs):
    t = 0
    for x in xs:
        t = t + x
    return t

print(rebind_global(100))
print(read_global(100), "NEW_NAME" in globals())
print(shadow_builtin(100))
print(replace_method(100))
print(change_class(60))
print(change_shape(80))
print(shrinking_list(100))
print(overflow(100) % 1000000007, overflow(60).bit_length())
print(float_div(6))
try:
    print(raise_in_inlined(50))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(recursion_in_loop(100))
try:
    print(unbound(30))
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
print(types_change([1, 2, 3.5, 4, True, 2**70, -1, 0.25] * 20))
print(types_change([[1], [2]] * 30) if False else "".join(types_change(["a", "b"] * 30) if False else ["ok"]))
