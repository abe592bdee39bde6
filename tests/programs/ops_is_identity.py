a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, b is not a)
print(None is None, True is True, False is not None)
x = None
print(x is None, x is not None, x == None)
def f():
    pass
print(f() is None, f is f, type(f()) is type(None))
t = ()
print(t == (), len(t) == 0)
d = {}
e = d
e["k"] = 1
print(d, d is e)
print(type(1) is int, type(1) is not float, type("s") is str, type([]) is list)
print(type(True) is bool, type(None) is type(None), type(1.0) is float)
lst = [None, 0, False, "", []]
print([v is None for v in lst], [v == 0 for v in lst], [v is False for v in lst])
s = "abc"
print(s is s, s == "ab" + "c")
print(1 in [1.0], None in [0, False], False in [0], [] in [[]], "a" not in "bcd")
