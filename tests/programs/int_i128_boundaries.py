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
# Heap ints made by the i128 path are formatted, compared and hashed like the others.
w = (6364136223846793005 * 2**40 + 1442695040888963407) % (1 << 64)
print(w, hex(w), str(-w * 3), f"{w * 1000:,}", repr(w - 2**64), w == int(str(w)), hash(w * 2**20))
print((2**64) // 3, divmod(-2**70, 7), True + 2**64, 2**64 & True, (-2**64) >> 3, (-2**64) << 60)
print(1 << 126, 1 << 127, -1 << 127, (-1 << 126) * 2, -(-2**127), pow(2**64, 2), abs(-2**100))
print(sorted([2**70, -2**65, 2**64, 3, -2**127, 2**127]), {2**64: 1, 2**64 + 0: 2}, (2**65) / 2**60)
print((2**64).bit_length(), (2**100 + 7) % 2**64, 2**64 % -5, -(2**64) % 5, 2**64 // -(2**63))
