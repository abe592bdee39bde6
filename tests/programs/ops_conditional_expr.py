for n in range(-2, 4):
    sign = "neg" if n < 0 else "zero" if n == 0 else "pos"
    parity = "even" if n % 2 == 0 else "odd"
    print(n, sign, parity, n if n > 0 else -n)
values = [3, None, 0, "x", [], [0]]
print([v if v else "falsy" for v in values])
print([("big" if v > 5 else "small") for v in range(3, 8)])
f = (lambda x: x * 2) if True else (lambda x: x * 3)
print(f(10))
print((1 if True else 2) + (10 if False else 20))
x = 5
y = x * 2 if x > 3 else x / 2
print(y)
print("yes" if "" else "no", "yes" if " " else "no", "yes" if [None] else "no")
print(max(3, 7) if 3 < 7 else min(3, 7))
print([n for n in range(20) if (n % 3 == 0 if n < 10 else n % 5 == 0)])
