sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(7), add(1), add(1, 2), (lambda: "noargs")())
print(list(map(lambda x: x * 3, range(5))))
print(list(filter(lambda x: x % 3 == 0, range(20))))
print(sorted(["ccc", "a", "bb"], key=lambda s: -len(s)))
compose = lambda f, g: lambda x: f(g(x))
inc_then_sq = compose(sq, lambda x: x + 1)
print(inc_then_sq(4))
print((lambda *a, **k: (a, sorted(k)))(1, 2, z=3, y=4))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
for op in ["+", "-", "*"]:
    print(op, ops[op](7, 3))
curry = lambda a: lambda b: lambda c: a * 100 + b * 10 + c
print(curry(1)(2)(3))
print(max(["apple", "fig", "banana"], key=lambda s: s[-1]))
fns = [lambda x, n=n: x ** n for n in range(4)]
print([f(3) for f in fns])
print((lambda x: "even" if x % 2 == 0 else "odd")(7))
print(type(sq) is type(add))
