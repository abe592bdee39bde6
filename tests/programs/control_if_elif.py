def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"

for v in [-5, 0, 3, 42, 1000]:
    print(v, classify(v))

def fizz(n):
    out = []
    for i in range(1, n + 1):
        if i % 15 == 0:
            out.append("FizzBuzz")
        elif i % 3 == 0:
            out.append("Fizz")
        elif i % 5 == 0:
            out.append("Buzz")
        else:
            out.append(str(i))
    return out

print(" ".join(fizz(30)))
x = 7
if x:
    print("truthy")
if not x - 7:
    print("x is 7")
if x > 5 and x < 10 or x == 100:
    print("range ok")
if []:
    print("never")
else:
    print("empty list is falsy")
y = "a" if x > 5 else "b"
z = "big" if x > 100 else "mid" if x > 5 else "small"
print(y, z)
print(0 or "default", "" or None, 5 and 6, 0 and 6, None or 0 or [] or "last")
print(1 and 2 and 3, 1 and 0 and 3, not 0, not "x")
