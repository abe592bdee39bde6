total = 0.0
for i in range(1, 200):
    for j in range(1, 50):
        total += i * 0.5 - j * 0.25
print(total)
acc = 0.0
for i in range(1, 1000):
    acc += 1.0 / i
print(round(acc, 10))
x = 0.0
for i in range(100):
    x = x * 0.99 + i * 0.01
print(round(x, 8))
s = 0.0
for i in range(1, 101):
    s += 1.0 / (i * i)
print(round(s, 12))
p = 1.0
for i in range(1, 30):
    p *= 1.0 + 1.0 / (i * 8)
print(round(p, 10))
grid = [[(r * 0.5 + c * 0.25) for c in range(5)] for r in range(5)]
for row in grid:
    print(row)
print(sum(sum(row) for row in grid))
a, b = 0.0, 1.0
for k in range(50):
    a, b = b, a + b
print(a, b, b / a)
v = 1.0
n = 0
while v > 1e-10:
    v /= 3.0
    n += 1
print(n, v)
