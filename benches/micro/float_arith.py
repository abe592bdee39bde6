"""Microkernel: float multiply-add chain in a for-range loop."""
import sys


def loop(n):
    x = 0.0
    y = 1.5
    for i in range(n):
        x = x * 0.5 + y * 2.0 - 1.0
    return x


print(loop(int(sys.argv[1])))
