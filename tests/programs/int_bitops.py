a = 0b1100
b = 0b1010
print(a & b, a | b, a ^ b, ~a, ~b)
print(bin(a & b), bin(a | b), bin(a ^ b), bin(~a))
print(-1 & 0xFF, -256 & 0xFF, -1 | 0, -5 ^ 3)
print(~0, ~-1, ~5, ~-6)
print(1 << 10, 1 << 64, 1 << 100)
print(1024 >> 3, 1023 >> 3, -1024 >> 3, -1023 >> 3, -1 >> 10)
print((1 << 100) >> 99, (1 << 100) >> 200)
print(-(1 << 100) >> 99, -(1 << 100) >> 200)
print(0xFFFFFFFFFFFFFFFFFFFF & 0x123456789ABCDEF0123)
print((2 ** 70) | 1, (2 ** 70) ^ (2 ** 70 + 5))
print(-(2 ** 70) & 0xFFFF, -(2 ** 70) | 0xFFFF)
print(-(2 ** 70) ^ -1, ~(2 ** 70))
x = 5
x <<= 3
print(x)
x >>= 1
print(x)
x &= 0b1110
print(x)
x |= 0b10001
print(x)
x ^= 0b11111
print(x)
for n in [0, 1, 7, 8, 255, 256, 2 ** 40, -1, -8]:
    print(n, len(bin(abs(n))) - 2, bin(n), n >> 1, n << 1)
print(True & False, True | False, True ^ True, ~True, True << 3)
