# An uncaught ValueError from storing an out-of-range byte.
buf = bytearray(b'\x00' * 4)
for i in range(4):
    buf[i] = 100 * i
    print(buf)
