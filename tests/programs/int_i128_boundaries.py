"""Int arithmetic, comparison and hashing around the i64/i128 boundaries (the two-word
fast path before num-bigint must agree with the general one)."""
import itertools
vals = [0, 1, -1, 2, -2, 3, 7, -7, 2**47-1, -2**47, 2**47, -2**47-1, 2**62, -2**63, 2**63-1, 2**63, 2**64-1, 2**64, -2**64,
        2**100+12345, -2**100-777, 2**126-1, -2**126, 2**126, 2**127-1, -2**127, 2**127, 2**128+5, -2**128-5, 6364136223846793005, 1442695040888963407, 10**30, -10**30]
acc = 0
for a, b in itertools.product(vals, repeat=2):
    r = [a + b, a - b, a * b, a & b, a | b, a ^ b, a < b, a == b, a > b, hash(a)]
    if b:
        r += [a // b, a % b]
    if 0 <= b < 200:
        r += [a << b, a >> b]
    acc = (acc * 1000003 + hash(tuple(r))) % (1 << 61)
print(acc)
for a in vals:
    print(a, hash(a), a >> 1, a >> 100, a >> 200, a << 1, a % 7, a // -3, -a % 1 if a else 0)
