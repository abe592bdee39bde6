def target(a, b=2, *args, c=3, **kw):
    return "a=" + str(a) + " b=" + str(b) + " args=" + str(args) + " c=" + str(c) + " kw=" + str(kw)

def forward(*args, **kwargs):
    return target(*args, **kwargs)

print(forward(1))
print(forward(1, 5, 6, 7))
print(forward(1, c=9))
print(forward(a=4, b=5, z=1))
print(forward(*range(4), c=0, **{"x": "y"}))
def summer(*nums, start=0):
    total = start
    for n in nums:
        total += n
    return total
print(summer(), summer(1, 2, 3), summer(*[10] * 5, start=100), summer(start=-1))
def show_kw(**kw):
    return [k + "=" + repr(kw[k]) for k in kw]
print(show_kw(b=1, a="x", c=None))
opts = {"sep": "-", "end": "|\n"}
print("x", "y", **opts)
print(*"hey", **{"sep": "."})
def count_args(*a, **k):
    return len(a), len(k)
print(count_args(), count_args(1, 2, x=3), count_args(*(), **{}), count_args([], {}))
def kwonly_defaults(*, x=1, y=2):
    return x - y
print(kwonly_defaults(), kwonly_defaults(y=10), kwonly_defaults(x=5, y=1))
