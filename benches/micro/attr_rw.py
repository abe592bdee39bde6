"""Microkernel: instance attribute load and store in a for-range loop."""
import sys


class Point:
    def __init__(self):
        self.x = 0
        self.y = 1


def loop(n):
    p = Point()
    for i in range(n):
        p.x = p.x + p.y
    return p.x


print(loop(int(sys.argv[1])))
