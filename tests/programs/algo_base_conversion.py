DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"

def to_base(n, b):
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = []
    while n:
        n, r = divmod(n, b)
        out.append(DIGITS[r])
    return sign + "".join(reversed(out))

def from_base(s, b):
    neg = s.startswith("-")
    if neg:
        s = s[1:]
    v = 0
    for ch in s:
        v = v * b + DIGITS.index(ch)
    return -v if neg else v

for n in [0, 1, 7, 255, -255, 1000, 2 ** 64, -(3 ** 40)]:
    row = [to_base(n, b) for b in (2, 3, 8, 16, 36)]
    print(n, row)
    assert all(from_base(to_base(n, b), b) == n for b in (2, 3, 8, 16, 36))
    assert to_base(n, 16) == hex(n).replace("0x", "")
print(from_base("zz", 36), int("zz", 36), from_base("-777", 8))
print(to_base(2 ** 100, 7), int(to_base(2 ** 100, 7), 7) == 2 ** 100)
def roman(n):
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, sym in vals:
        while n >= v:
            out += sym
            n -= v
    return out
print([roman(n) for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]])
