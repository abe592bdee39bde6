def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)

def gcd_rec(a, b):
    return a if b == 0 else gcd_rec(b, a % b)

def lcm(a, b):
    return a // gcd(a, b) * b

print(gcd(48, 18), gcd(17, 5), gcd(0, 9), gcd(100, 75), gcd(-12, 18))
print(gcd_rec(1071, 462), gcd_rec(2 ** 40, 6 ** 20))
print(lcm(4, 6), lcm(21, 6), lcm(7, 13))
acc = 1
for i in range(1, 41):
    acc = lcm(acc, i)
print("lcm(1..40) =", acc)
def ext_gcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = ext_gcd(b, a % b)
    return g, y, x - (a // b) * y
for a, b in [(240, 46), (17, 3120), (99, 78)]:
    g, x, y = ext_gcd(a, b)
    print(a, b, g, x, y, a * x + b * y == g)
print(gcd(832040, 514229))
pairs = [(a, b) for a in range(1, 13) for b in range(1, 13) if gcd(a, b) == 1]
print(len(pairs))
print(gcd(2 ** 100 * 3 ** 50, 2 ** 60 * 3 ** 80) == 2 ** 60 * 3 ** 50)
