def digit_sum(n):
    s = 0
    while n:
        s += n % 10
        n //= 10
    return s

print(digit_sum(2 ** 1000), sum(int(c) for c in str(2 ** 1000)))
print([digit_sum(2 ** k) for k in range(0, 40, 3)])
f = 1
for i in range(1, 101):
    f *= i
print(digit_sum(f))
def digital_root(n):
    while n >= 10:
        n = digit_sum(n)
    return n
print([digital_root(v) for v in [0, 9, 10, 38, 12345, 2 ** 100, 3 ** 200]])
def reverse_num(n):
    r = 0
    while n:
        r = r * 10 + n % 10
        n //= 10
    return r
print(reverse_num(123456789), reverse_num(1000), reverse_num(2 ** 70))
armstrong = [n for n in range(1, 10000) if n == sum(int(d) ** len(str(n)) for d in str(n))]
print(armstrong)
n = 196
for i in range(30):
    n = n + reverse_num(n)
print(n, len(str(n)))
print(max(digit_sum(a ** b) for a in range(90, 100) for b in range(90, 100)))
print(sorted(str(7 ** 77)), str(7 ** 77).count("7"))
