x = 10
y = [1, 2, 3, 4, 5]
z = {"a": 1, "b": 2, "c": 3}
del y[0]
print(y)
del y[-1], z["a"]
print(y, z)
del y[0:1]
print(y)
w = 5
del w
print("w deleted", x)
pass
def empty():
    pass
print(empty())
for i in range(3):
    pass
if x:
    pass
else:
    print("never")
assert x == 10
assert y, "y should be non-empty"
assert isinstance(z, dict) and "b" in z, "z check"
print("asserts passed")
a, b = 1, 2
del a, b
c = [[1, 2], [3, 4]]
del c[0][1]
print(c)
d = {1: [1, 2, 3]}
del d[1][::2]
print(d)
def inner_del():
    loc = 1
    del loc
    return "deleted local"
print(inner_del())
