def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r

f100 = fact(100)
print(f100)
print(len(str(f100)), sum(int(d) for d in str(f100)))
trailing = 0
s = str(f100)
while s[-1 - trailing] == "0":
    trailing += 1
print("trailing zeros", trailing)
print(fact(20), fact(25) // fact(23), fact(0), fact(1))
def binom(n, k):
    return fact(n) // (fact(k) * fact(n - k))
print([binom(10, k) for k in range(11)])
print(binom(100, 50))
print(fact(200) % (10 ** 9 + 7))
print(fact(52) // fact(47) // fact(5))
print(str(fact(500))[:40], len(str(fact(500))))
print(fact(30) / fact(28))
