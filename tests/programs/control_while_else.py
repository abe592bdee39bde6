i = 0
while i < 5:
    print("i =", i)
    i += 1
else:
    print("while finished normally", i)

n = 0
while True:
    n += 1
    if n == 3:
        continue
    if n > 6:
        break
    print("n", n)
else:
    print("never printed")
print("after break", n)

def find_first_square_above(limit):
    k = 1
    while k * k <= limit:
        k += 1
    else:
        return k * k

print(find_first_square_above(50), find_first_square_above(100))
count = 10
while count:
    count -= 3
    if count < 0:
        print("went negative", count)
        break
else:
    print("hit zero")
x = 27
steps = 0
while x != 1:
    x = x // 2 if x % 2 == 0 else 3 * x + 1
    steps += 1
print("collatz steps", steps)
a, b = 0, 1
while b < 1000:
    a, b = b, a + b
print(a, b)
