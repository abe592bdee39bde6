"""Microkernel: a Python method call per iteration."""
import sys


class Counter:
    def __init__(self):
        self.n = 0

    def add(self, k):
        self.n += k
        return self.n


def loop(n):
    c = Counter()
    for i in range(n):
        c.add(1)
    return c.n


print(loop(int(sys.argv[1])))
