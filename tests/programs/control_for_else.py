for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")

for x in []:
    print("never")
else:
    print("empty loop else")

for i in range(10):
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print("odd", i)
else:
    print("not reached")

for ch in "hello":
    print(ch, end="")
print()
total = 0
for i in range(5):
    for j in range(5):
        if j > i:
            break
        total += j
print(total)
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)
for k in {"x": 1, "y": 2}:
    print(k)
result = []
for i in range(3):
    for j in range(3):
        if i == j:
            continue
        result.append((i, j))
print(result)
lst = [1, 2, 3]
for v in lst:
    v *= 10
print(lst)
for i in range(3):
    pass
print(i)
